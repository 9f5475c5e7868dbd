package dev.braid.workflow;

import dev.braid.activity.Usage;
import java.util.List;

/**
 * One task as the run sees it now.
 *
 * @param id the task id
 * @param title the task's title
 * @param phase where it stands
 * @param attempts attempts spent over all tiers
 * @param tier the last tier that ran, or null
 * @param branch the task's branch
 * @param headCommit the branch's head, or null
 * @param reason why it is blocked or skipped, else null
 * @param startedAtMillis when its workflow started (workflow time), or 0
 * @param finishedAtMillis when it finished (workflow time), or 0
 * @param tiers the tiers that ran, in order, one entry per round of the cascade
 * @param usage what the agent reported it consumed
 * @param pullRequest the task's pull request's URL, or null
 */
public record TaskStatus(
    String id,
    String title,
    TaskPhase phase,
    int attempts,
    String tier,
    String branch,
    String headCommit,
    String reason,
    long startedAtMillis,
    long finishedAtMillis,
    List<String> tiers,
    Usage usage,
    String pullRequest) {

  public TaskStatus {
    tiers = tiers == null ? List.of() : List.copyOf(tiers);
  }
}
