package dev.braid.workflow;

import dev.braid.activity.MergeResult;
import dev.braid.plan.PlanTask;
import java.util.List;

/**
 * How a run brings its tasks' work to the target: {@link QueueIntegration}, a merge queue that
 * merges each task as it completes, or {@link MergeAtEnd}, the merge of every branch at the end
 * that runs recorded before the queue replay.
 */
interface Integration {

  /** The branch tasks start from, or null for the target. */
  String baseBranch();

  /**
   * Where a new worktree of this task starts when not from {@link #baseBranch}, or null: in runs
   * whose pull requests deliver, what the task's pull request is based on.
   */
  default String startBranch(PlanTask task) {
    return null;
  }

  /** A task's work is pushed; it completes once integrated. */
  void offer(TaskOutcome outcome);

  /** Running tasks that leave their slot to the next task: their work waits to be merged. */
  default int freedSlots() {
    return 0;
  }

  /** Starts the next merge unless one runs. */
  void startNext();

  /** Whether a merge runs or waits. */
  boolean active();

  /** The tasks integrated so far, in merge order. */
  List<TaskOutcome> integratedTasks();

  /**
   * Brings the integrated work to the target, as the merge mode says.
   *
   * @param merging called once before the first merge activity, to say so
   * @return what the final merge did, or null when there was nothing to merge
   */
  MergeResult finish(Runnable merging);
}
