package dev.braid.workflow;

import io.temporal.workflow.Workflow;

/**
 * A task whose work waits in the merge queue runs no agent, so it leaves its slot of {@code
 * maxParallel} to the next task. Runs recorded before kept the slot until the merge, which left
 * slots idle while the queue worked; they replay that way.
 */
final class QueueSlots {
  /** The change that gave a queued task's slot to the next task. */
  static final String CHANGE = "queued-tasks-free-slots";

  private final RunBoard board;
  private final boolean free;

  QueueSlots(RunBoard board) {
    this.board = board;
    this.free = Workflow.getVersion(CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  /**
   * A task's work joined the queue. Its slot goes to the next task, whose start the run's budget
   * judges: what this one spent counts from now, not from its merge.
   */
  void queued(TaskOutcome outcome) {
    if (!free) {
      return;
    }
    Double spent = outcome.usage() == null ? null : outcome.usage().costUsd();
    board.progress(
        new TaskProgress(
            outcome.taskId(),
            TaskPhase.RUNNING,
            outcome.attempts(),
            outcome.tiers(),
            null,
            null,
            spent));
  }

  /** How many of the queue's tasks leave their slot. */
  int freed(int queued) {
    return free ? queued : 0;
  }
}
