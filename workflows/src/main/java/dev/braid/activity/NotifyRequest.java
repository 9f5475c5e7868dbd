package dev.braid.activity;

import java.util.List;

/**
 * Tells a human that a task is blocked, through the {@code notify} command of {@code braid.yaml}.
 *
 * @param command the argv, in runs started before it was kept on the worker's side; empty since,
 *     and the worker runs its own {@code notify}. It receives {@code BRAID_RUN_ID}, {@code
 *     BRAID_TASK_ID} and {@code BRAID_BLOCKED_REASON} in its environment
 * @param repo the main checkout, absolute, where the command runs
 * @param runId the run
 * @param taskId the blocked task
 * @param reason why it is blocked
 */
public record NotifyRequest(
    List<String> command, String repo, String runId, String taskId, String reason) {

  public NotifyRequest {
    command = command == null ? List.of() : List.copyOf(command);
  }
}
