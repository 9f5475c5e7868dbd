package dev.braid.workflow;

/**
 * What the run will do about an unblocked task.
 *
 * @param taskId the task
 * @param action the decision taken
 * @param message one line for the human who decided
 */
public record UnblockResult(String taskId, UnblockAction action, String message) {}
