package dev.braid.workflow;

import java.util.List;

/**
 * A task workflow tells its run that it became blocked or runs again, so the run can count it, show
 * it, and accept a human's decision for it.
 *
 * @param taskId the task
 * @param phase running or blocked
 * @param attempts attempts spent so far over all tiers
 * @param tiers the tiers that ran so far, in order
 * @param reason why it is blocked, else null
 */
public record TaskProgress(
    String taskId, TaskPhase phase, int attempts, List<String> tiers, String reason) {

  public TaskProgress {
    tiers = tiers == null ? List.of() : List.copyOf(tiers);
  }
}
