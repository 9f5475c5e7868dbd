package dev.braid.workflow;

import io.temporal.workflow.Workflow;

/** When a run's history is long enough to continue as new. */
final class HistoryLimit {
  /**
   * A run continues as new once its history has this many events, well under Temporal's suggestion
   * of 4,096 (and its hard limit of 51,200), or sooner when the server suggests it.
   */
  static final long HISTORY_EVENTS = 2_000;

  private HistoryLimit() {}

  /**
   * Whether the history is long enough to continue as new. A run drains first (it starts no new
   * task, and lets running tasks and the merge queue finish), because its children and merges are
   * tied to this execution; a run with a blocked task never drains, since a blocked task waits
   * without adding events; runs that merge at the end never continue as new.
   */
  static boolean reached(boolean mergeQueue, RunBoard board) {
    if (!mergeQueue || board.count(TaskPhase.BLOCKED) > 0) {
      return false;
    }
    var info = Workflow.getInfo();
    boolean tooLong = info.isContinueAsNewSuggested() || info.getHistoryLength() > HISTORY_EVENTS;
    return tooLong
        && Workflow.getVersion(
                ExecuteWorkflowImpl.CONTINUE_AS_NEW_CHANGE, Workflow.DEFAULT_VERSION, 1)
            >= 1;
  }
}
