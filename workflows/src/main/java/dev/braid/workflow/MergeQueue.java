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
 * The run's merge queue. A task whose work is pushed waits here. One step runs at a time: the tasks
 * waiting when it starts (up to {@code merge.batch}) are merged together into the integration
 * branch and the checks run once on the result. Only a step whose checks pass completes its tasks,
 * so a task's dependents always start from a base that holds its work and passes the checks.
 *
 * <p>A batch whose checks fail is bisected, as bors does: its halves run as steps of their own,
 * ahead of anything offered later, until the task that breaks the checks is alone in a failing
 * step; the others merge. A conflict is found per task, since each branch is merged in turn. A task
 * that conflicts, or breaks the checks on its own, is sent back to its worktree, where the
 * integration branch is merged in and the failure is fixed.
 */
final class MergeQueue {
  /** A task that keeps failing to merge is given to a human after this many rounds. */
  static final int MAX_ROUNDS = 3;

  /** The change that made a step merge a batch of tasks instead of one. */
  static final String BATCH_CHANGE = "merge-batches";

  private final String runId;
  private final RunLogs logs;
  private final RunRequest request;
  private final RunBoard board;
  private final BiConsumer<String, TaskRound> restart;
  private final boolean humansDecide;
  private final int batchSize;
  private final RunOverlaps overlaps;
  private final Deque<MergeBatch> waiting = new ArrayDeque<>();
  private final List<TaskOutcome> integrated = new ArrayList<>();
  private final Map<String, Integer> rounds = new HashMap<>();
  private boolean busy;

  MergeQueue(
      RunLogs logs,
      RunRequest request,
      RunBoard board,
      BiConsumer<String, TaskRound> restart,
      boolean humansDecide,
      RunOverlaps overlaps) {
    this.humansDecide = humansDecide;
    this.overlaps = overlaps;
    this.runId = logs.runId();
    this.logs = logs;
    this.request = request;
    this.board = board;
    this.restart = restart;
    boolean batches = Workflow.getVersion(BATCH_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
    // Runs recorded before batches merged one task a step, which a batch of one does exactly.
    this.batchSize = batches ? request.config().merge().batchSize() : 1;
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
    waiting.add(MergeBatch.of(outcome));
    board.note(outcome.taskId(), "waiting to merge into " + branch());
  }

  /** Starts the next merge step unless one is running. */
  void startNext() {
    if (busy || waiting.isEmpty()) {
      return;
    }
    MergeBatch next = take();
    busy = true;
    for (TaskOutcome task : next.tasks()) {
      board.note(task.taskId(), "merging into " + branch() + others(next));
    }
    BraidConfig config = request.config();
    GitActivities step =
        Workflow.newActivityStub(
            GitActivities.class,
            io.temporal.activity.ActivityOptions.newBuilder(BraidActivityOptions.merge())
                .setSummary("integrate " + next.ids())
                .build());
    // Only the new branches travel: the integration branch itself holds what was merged before,
    // which keeps each step's payload, and the history, the same size however long the plan.
    Promise<MergeResult> merge =
        Async.function(
            step::integrate,
            new MergeRequest(
                runId,
                request.repo(),
                config.merge().target(),
                next.branches(),
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

  /**
   * A half of a bisection runs as it is; else the tasks waiting, up to a batch, go together, except
   * a task that declares some of the same files as one already in the batch: it keeps its place for
   * the next step, since two such tasks are the likeliest to conflict or break the checks together.
   */
  private MergeBatch take() {
    MergeBatch head = waiting.poll();
    if (head.bisecting()) {
      return head;
    }
    List<TaskOutcome> tasks = new ArrayList<>(head.tasks());
    List<MergeBatch> keptBack = new ArrayList<>();
    while (tasks.size() < batchSize && !waiting.isEmpty() && !waiting.peek().bisecting()) {
      MergeBatch next = waiting.poll();
      if (next.tasks().stream().anyMatch(t -> overlapsAny(t, tasks))) {
        keptBack.add(next);
      } else {
        tasks.addAll(next.tasks());
      }
    }
    for (int i = keptBack.size() - 1; i >= 0; i--) {
      waiting.addFirst(keptBack.get(i));
    }
    return new MergeBatch(tasks, false);
  }

  private boolean overlapsAny(TaskOutcome task, List<TaskOutcome> batch) {
    return batch.stream().anyMatch(other -> overlaps.overlap(task.taskId(), other.taskId()));
  }

  private static String others(MergeBatch batch) {
    int n = batch.size() - 1;
    return n == 0 ? "" : " with " + n + (n == 1 ? " other task" : " other tasks");
  }

  private void settle(MergeBatch batch, MergeResult result, RuntimeException failure) {
    if (failure != null) {
      if (batch.size() > 1) {
        // Which task the merge failed on is not known; alone, each gets its own answer.
        bisect(batch, "the merge of " + batch.size() + " tasks failed");
        return;
      }
      TaskOutcome only = batch.tasks().get(0);
      String why = "the merge into " + branch() + " failed: " + FailureText.describe(failure);
      if (humansDecide) {
        giveToHuman(only, BlockKind.INTEGRATE_FAILED, why, false, null);
      } else {
        board.blockByMerge(only.taskId(), why, Workflow.currentTimeMillis());
      }
      return;
    }
    List<TaskOutcome> conflicted = new ArrayList<>();
    List<TaskOutcome> merged = new ArrayList<>();
    for (TaskOutcome task : batch.tasks()) {
      (result.conflicted().contains(task.branch()) ? conflicted : merged).add(task);
    }
    if (!result.checksPassed() && merged.size() > 1) {
      // A conflict may be with work the failure now backs out: those tasks try again later.
      conflicted.forEach(task -> waiting.add(MergeBatch.of(task)));
      bisect(
          new MergeBatch(merged, true), "merging " + merged.size() + " tasks made the checks fail");
      return;
    }
    for (TaskOutcome task : merged) {
      if (result.checksPassed() && result.merged().contains(task.branch())) {
        integrated.add(task);
        board.finish(task, Workflow.currentTimeMillis());
      } else {
        sendBack(task, false, result.checksOutput());
      }
    }
    conflicted.forEach(task -> sendBack(task, true, null));
  }

  /** Runs the halves of a batch as steps of their own, first half first, ahead of the rest. */
  private void bisect(MergeBatch batch, String why) {
    for (TaskOutcome task : batch.tasks()) {
      board.note(task.taskId(), why + "; merging in halves to find which");
    }
    waiting.addFirst(batch.secondHalf());
    waiting.addFirst(batch.firstHalf());
  }

  /** A task the merge could not take runs again in its worktree, or goes to a human. */
  private void sendBack(TaskOutcome outcome, boolean conflict, String checksOutput) {
    long now = Workflow.currentTimeMillis();
    String id = outcome.taskId();
    int round = rounds.merge(id, 1, Integer::sum);
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
