package dev.braid.workflow;

import io.temporal.common.SearchAttributeKey;
import io.temporal.workflow.Workflow;

/**
 * Tells the Web UI and visibility where the run stands: its current details on every change, its
 * search attributes only when one of their values changes, to keep the history short.
 */
final class RunPublisher {
  private static final SearchAttributeKey<String> PLAN_KEY =
      SearchAttributeKey.forKeyword(BraidNames.SA_PLAN);
  private static final SearchAttributeKey<String> STATE_KEY =
      SearchAttributeKey.forKeyword(BraidNames.SA_STATE);
  private static final SearchAttributeKey<Long> DONE_KEY =
      SearchAttributeKey.forLong(BraidNames.SA_TASKS_DONE);
  private static final SearchAttributeKey<Long> BLOCKED_KEY =
      SearchAttributeKey.forLong(BraidNames.SA_TASKS_BLOCKED);

  private final boolean memo;
  private String published = "";
  private String memoed = "";

  /**
   * @param memo whether to keep a {@link RunDigest} in the memo; runs recorded before it did not
   */
  RunPublisher(boolean memo) {
    this.memo = memo;
    this.runBlocked =
        memo && Workflow.getVersion(RUN_BLOCKED_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  /** The change that put the tasks the run holds blocked in its memo. */
  static final String RUN_BLOCKED_CHANGE = "digest-run-blocked";

  private final boolean runBlocked;

  /** The tasks the run holds blocked itself, by id, in plan order. */
  private java.util.Map<String, Blocker> runBlocked(RunBoard board) {
    java.util.Map<String, Blocker> held = new java.util.LinkedHashMap<>();
    if (runBlocked) {
      for (TaskStatus s : board.statuses()) {
        if (s.phase() == TaskPhase.BLOCKED
            && s.blocker() != null
            && s.blocker().kind().decidedByRun()
            && !board.heldByTask(s.id())) {
          held.put(s.id(), s.blocker());
        }
      }
    }
    return held;
  }

  void publish(RunPhase phase, String planName, RunBoard board, long startedAt, String message) {
    Workflow.setCurrentDetails(phase.label() + ": " + BoardDetails.of(board));
    RunGauges.tasks(board);
    if (memo) {
      RunDigest digest =
          new RunDigest(
              phase,
              planName,
              board.statuses().size(),
              board.count(TaskPhase.COMPLETED),
              board.count(TaskPhase.RUNNING),
              board.count(TaskPhase.BLOCKED),
              board.count(TaskPhase.SKIPPED),
              startedAt,
              message,
              runBlocked(board));
      if (!digest.toString().equals(memoed)) {
        memoed = digest.toString();
        Workflow.upsertMemo(java.util.Map.of(BraidNames.MEMO_RUN, digest));
      }
    }
    String snapshot =
        phase.label() + board.count(TaskPhase.COMPLETED) + "/" + board.count(TaskPhase.BLOCKED);
    if (!snapshot.equals(published)) {
      published = snapshot;
      Workflow.upsertTypedSearchAttributes(
          PLAN_KEY.valueSet(planName),
          STATE_KEY.valueSet(phase.label()),
          DONE_KEY.valueSet((long) board.count(TaskPhase.COMPLETED)),
          BLOCKED_KEY.valueSet((long) board.count(TaskPhase.BLOCKED)));
    }
  }
}
