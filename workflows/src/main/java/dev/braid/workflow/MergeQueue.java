package dev.braid.workflow;

import dev.braid.activity.GitActivities;
import dev.braid.activity.MergeRequest;
import dev.braid.activity.MergeResult;
import dev.braid.config.BraidConfig;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The run's merge queue. A task whose work is pushed waits here; one merge runs at a time, into the
 * integration branch, with the checks on the merged result. Only a merge whose checks pass
 * completes its task, so a task's dependents always start from a base that holds its work and
 * passes the checks. A conflict or a broken check sends the task back to its own worktree, where
 * the integration branch is merged in and the failure is fixed.
 */
final class MergeQueue {
  /** A task that keeps failing to merge is given to a human after this many rounds. */
  static final int MAX_ROUNDS = 3;

  private final String runId;
  private final RunLogs logs;
  private final RunRequest request;
  private final RunBoard board;
  private final BiConsumer<String, TaskRound> restart;
  private final boolean humansDecide;
  private final Deque<TaskOutcome> waiting = new ArrayDeque<>();
  private final List<TaskOutcome> integrated = new ArrayList<>();
  private final Map<String, Integer> rounds = new HashMap<>();
  private boolean busy;

  MergeQueue(
      RunLogs logs,
      RunRequest request,
      RunBoard board,
      BiConsumer<String, TaskRound> restart,
      boolean humansDecide) {
    this.humansDecide = humansDecide;
    this.runId = logs.runId();
    this.logs = logs;
    this.request = request;
    this.board = board;
    this.restart = restart;
  }

  /** The integration branch's name. */
  String branch() {
    return BraidNames.integrationBranch(runId);
  }

  /** The task branches merged so far, in merge order. */
  List<String> integrated() {
    return integrated.stream().map(TaskOutcome::branch).toList();
  }

  /** The tasks merged so far, in merge order. */
  List<TaskOutcome> integratedTasks() {
    return List.copyOf(integrated);
  }

  /** Whether a merge runs or waits. */
  boolean active() {
    return busy || !waiting.isEmpty();
  }

  /** Picks up the merges an earlier execution of the run made. */
  void restore(List<TaskOutcome> merged) {
    integrated.addAll(merged);
  }

  /** A task pushed its work; it completes once that work is merged. */
  void offer(TaskOutcome outcome) {
    waiting.add(outcome);
    board.note(outcome.taskId(), "waiting to merge into " + branch());
  }

  /** Starts the next merge unless one is running. */
  void startNext() {
    if (busy || waiting.isEmpty()) {
      return;
    }
    TaskOutcome next = waiting.poll();
    busy = true;
    board.note(next.taskId(), "merging into " + branch());
    BraidConfig config = request.config();
    // Only the new branch travels: the integration branch itself holds what was merged before,
    // which keeps each step's payload, and the history, the same size however long the plan.
    List<String> branches = List.of(next.branch());
    GitActivities step =
        Workflow.newActivityStub(
            GitActivities.class,
            io.temporal.activity.ActivityOptions.newBuilder(BraidActivityOptions.merge())
                .setSummary("integrate " + next.taskId())
                .build());
    Promise<MergeResult> merge =
        Async.function(
            step::integrate,
            new MergeRequest(
                runId,
                request.repo(),
                config.merge().target(),
                branches,
                config.setup(),
                config.checks(),
                config.merge().remote(),
                logs.logRun()));
    merge.handle(
        (result, failure) -> {
          busy = false;
          settle(next, result, failure);
          return null;
        });
  }

  private void settle(TaskOutcome outcome, MergeResult result, RuntimeException failure) {
    long now = Workflow.currentTimeMillis();
    String id = outcome.taskId();
    if (failure != null) {
      String why = "the merge into " + branch() + " failed: " + FailureText.describe(failure);
      if (humansDecide) {
        giveToHuman(outcome, BlockKind.INTEGRATE_FAILED, why, false, null);
      } else {
        board.blockByMerge(id, why, now);
      }
      return;
    }
    if (result.checksPassed() && result.merged().contains(outcome.branch())) {
      integrated.add(outcome);
      board.finish(outcome, now);
      return;
    }
    int round = rounds.merge(id, 1, Integer::sum);
    boolean conflict = result.conflicted().contains(outcome.branch());
    String why =
        conflict
            ? "its branch conflicts with " + branch()
            : "merging it into " + branch() + " made the checks fail";
    String feedback =
        conflict
            ? null
            : "Merging this task's branch into "
                + branch()
                + " (which holds the tasks merged before it) made the checks fail. Fix it on"
                + " top of the merged code, which is now in this worktree:\n"
                + result.checksOutput();
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
