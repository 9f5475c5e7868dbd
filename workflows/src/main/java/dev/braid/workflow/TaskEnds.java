package dev.braid.workflow;

import dev.braid.activity.AttemptResult;
import dev.braid.activity.PreparedWorktree;
import dev.braid.activity.Usage;
import dev.braid.plan.PlanTask;
import java.util.List;

/** What a task's workflow hands the run when it ends: its work done, or given up. */
final class TaskEnds {
  private TaskEnds() {}

  /** The work is pushed (and, when watched, its pull request merged). */
  static TaskOutcome completed(
      PlanTask task,
      Cascade cascade,
      AttemptResult result,
      PreparedWorktree worktree,
      String pullRequest) {
    List<String> tiers = cascade.tiersRun();
    return new TaskOutcome(
        task.id(),
        TaskPhase.COMPLETED,
        Math.max(cascade.attempts(), result.attempt()),
        tiers.isEmpty() ? null : tiers.get(tiers.size() - 1),
        BraidNames.taskBranch(task.id()),
        result.headCommit(),
        null,
        tiers,
        spent(result.usage(), cascade),
        worktree.baseCommit(),
        pullRequest);
  }

  /**
   * What the task cost: the result's usage, or, when it reports none (a human's fix accepted with
   * done), what its attempts reported before, which a report must not call unknown.
   */
  private static Usage spent(Usage reported, Cascade cascade) {
    if ((reported != null && reported.known()) || cascade.spentUsd() == null) {
      return reported;
    }
    return new Usage(cascade.spentUsd(), null, null, null, null);
  }

  /** A human gave the task up, or its pull request was closed. */
  static TaskOutcome skipped(PlanTask task, Cascade cascade, String reason) {
    return new TaskOutcome(
        task.id(),
        TaskPhase.SKIPPED,
        cascade.attempts(),
        null,
        BraidNames.taskBranch(task.id()),
        null,
        reason,
        cascade.tiersRun(),
        spent(Usage.unknown(), cascade),
        null);
  }
}
