package dev.braid.workflow;

import dev.braid.activity.Usage;
import java.util.List;

/**
 * How a task's workflow ended.
 *
 * @param taskId the task
 * @param phase completed or blocked
 * @param attempts attempts spent over all tiers
 * @param tier the last tier that ran
 * @param branch the task's branch
 * @param headCommit the branch's head, or null when nothing was committed
 * @param reason why it is blocked, else null
 * @param tiers the tiers that ran, in order, one entry per round of the cascade
 * @param usage what the agent reported it consumed
 * @param baseCommit the commit the task's branch started from, or null; a pull request shows the
 *     task's changes against it
 * @param pullRequest the address of the pull request the task's own workflow opened and watched
 *     ({@code github.watch}), or null
 */
public record TaskOutcome(
    String taskId,
    TaskPhase phase,
    int attempts,
    String tier,
    String branch,
    String headCommit,
    String reason,
    List<String> tiers,
    Usage usage,
    String baseCommit,
    String pullRequest) {

  public TaskOutcome {
    tiers = tiers == null ? List.of() : List.copyOf(tiers);
  }

  /** An outcome with no pull request of the task's own, as every outcome was before watching. */
  public TaskOutcome(
      String taskId,
      TaskPhase phase,
      int attempts,
      String tier,
      String branch,
      String headCommit,
      String reason,
      List<String> tiers,
      Usage usage,
      String baseCommit) {
    this(taskId, phase, attempts, tier, branch, headCommit, reason, tiers, usage, baseCommit, null);
  }
}
