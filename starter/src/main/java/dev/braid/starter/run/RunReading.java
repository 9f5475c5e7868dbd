package dev.braid.starter.run;

import dev.braid.plan.Plan;
import dev.braid.workflow.RunStatus;

/**
 * A run as a one-shot command read it.
 *
 * @param execution the Temporal run it describes
 * @param status its status
 * @param input where it works, from its workflow input; null when unreadable
 * @param plan its plan, read from the input's plan directory; null when unreadable
 * @param source where the status came from, for humans: {@code result}, {@code stored} or {@code
 *     worker}
 */
public record RunReading(
    RunExecution execution, RunStatus status, RunInput input, Plan plan, String source) {}
