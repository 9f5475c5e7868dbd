package dev.braid.workflow;

import io.temporal.workflow.Workflow;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What becomes of a task the merge queue could not take: it runs again in its worktree, with the
 * integration branch merged in and the checks' output as feedback, until {@link #MAX_ROUNDS} rounds
 * in a row fail; then a human decides (or, in runs recorded before tasks waited for a human in
 * their worktree, it is blocked by the merge).
 */
final class MergeReturns {
  /** A task that keeps failing to merge is given to a human after this many rounds. */
  static final int MAX_ROUNDS = 3;

  private final RunLogs logs;
  private final RunBoard board;
  private final BiConsumer<String, TaskRound> restart;
  private final boolean humansDecide;
  private final String branch;
  private final Map<String, Integer> rounds = new HashMap<>();

  MergeReturns(
      RunLogs logs,
      RunBoard board,
      BiConsumer<String, TaskRound> restart,
      boolean humansDecide,
      String branch) {
    this.logs = logs;
    this.board = board;
    this.restart = restart;
    this.humansDecide = humansDecide;
    this.branch = branch;
  }

  /** The merge step of this task alone failed outright (not its checks): a human decides. */
  void failed(TaskOutcome only, String why) {
    if (humansDecide) {
      giveToHuman(only, BlockKind.INTEGRATE_FAILED, why, false, null);
    } else {
      board.blockByMerge(only.taskId(), why, Workflow.currentTimeMillis());
    }
  }

  /** A task the merge could not take runs again in its worktree, or goes to a human. */
  void sendBack(TaskOutcome outcome, boolean conflict, String checksOutput) {
    long now = Workflow.currentTimeMillis();
    String id = outcome.taskId();
    int round = rounds.merge(id, 1, Integer::sum);
    String why =
        conflict
            ? "its branch conflicts with " + branch
            : "merging it into " + branch + " made the checks fail";
    String feedback =
        conflict
            ? null
            : "Merging this task's branch into "
                + branch
                + " (which holds the tasks merged before it) made the checks fail. Fix it on"
                + " top of the merged code, which is now in this worktree:\n"
                + checksOutput;
    if (round > MAX_ROUNDS) {
      String reason = why + ", " + MAX_ROUNDS + " rounds in a row";
      if (humansDecide) {
        BlockKind kind = conflict ? BlockKind.MERGE_CONFLICT : BlockKind.MERGE_CHECKS_FAILED;
        giveToHuman(outcome, kind, reason, true, feedback);
      } else {
        board.blockByMerge(id, reason, now);
      }
      return;
    }
    board.note(id, "runs again: " + why);
    restart.accept(id, new TaskRound(true, feedback, outcome.attempts(), outcome.tiers()));
  }

  /**
   * The merge gives up on a task: its workflow starts again and waits, in its worktree, for a
   * human's decision. A decision starts its rounds afresh.
   */
  private void giveToHuman(
      TaskOutcome outcome, BlockKind kind, String reason, boolean sync, String feedback) {
    String id = outcome.taskId();
    rounds.remove(id);
    board.note(id, "blocked by the merge; waiting for its worktree: " + reason);
    Blocker blocker = Blocker.of(kind, reason, logs.task(id));
    restart.accept(id, new TaskRound(sync, feedback, outcome.attempts(), outcome.tiers(), blocker));
  }
}
