package dev.braid.starter.run;

import dev.braid.workflow.TaskProgress;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;

/**
 * A task's workflow as visibility stores it. A task the merge queue sent back runs again under the
 * same id, so it may have several executions: this is the newest, with the first one's start.
 *
 * @param taskId the task
 * @param status Temporal's status of the newest execution
 * @param startedAtMillis when the task's first execution started
 * @param closedAtMillis when the newest execution closed, or 0 while it runs
 * @param progress the newest execution's memo ({@code braid.task}), or null before its first report
 */
public record TaskExecution(
    String taskId,
    WorkflowExecutionStatus status,
    long startedAtMillis,
    long closedAtMillis,
    TaskProgress progress) {}
