package dev.braid.workflow;

import dev.braid.config.BraidConfig;
import dev.braid.plan.PlanTask;

/**
 * Starts one task's workflow.
 *
 * @param runId the parent run's workflow id
 * @param repo the main checkout, absolute
 * @param planDir the plan directory, absolute
 * @param task the task
 * @param config the run's settings
 */
public record TaskRequest(
    String runId, String repo, String planDir, PlanTask task, BraidConfig config) {}
