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
        result.usage(),
        worktree.baseCommit(),
        pullRequest);
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
        Usage.unknown(),
        null);
  }
}
