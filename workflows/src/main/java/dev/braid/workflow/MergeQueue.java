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
import java.util.List;
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
 *
 * <p>While a step checks, the batches behind it may be checked ahead on top of it ({@link
 * StepsAhead}, up to {@code merge.parallelChecks} steps checked at once), so that tasks finishing
 * together wait for one step's checks, not one after another.
 */
final class MergeQueue {
  /** A task that keeps failing to merge is given to a human after this many rounds. */
  static final int MAX_ROUNDS = MergeReturns.MAX_ROUNDS;

  /** The change that made a step merge a batch of tasks instead of one. */
  static final String BATCH_CHANGE = "merge-batches";

  private final String runId;
  private final RunLogs logs;
  private final RunRequest request;
  private final RunBoard board;
  private final MergeReturns returns;
  private final int batchSize;
  private final RunOverlaps overlaps;
  private final Deque<MergeBatch> waiting = new ArrayDeque<>();
  private final List<TaskOutcome> integrated = new ArrayList<>();
  private final StepsAhead ahead;
  private final QueueSlots slots;
  private MergeBatch running;
  private boolean busy;

  MergeQueue(
      RunLogs logs,
      RunRequest request,
      RunBoard board,
      BiConsumer<String, TaskRound> restart,
      boolean humansDecide,
      RunOverlaps overlaps) {
    this.overlaps = overlaps;
    this.runId = logs.runId();
    this.logs = logs;
    this.request = request;
    this.board = board;
    this.returns = new MergeReturns(logs, board, restart, humansDecide, branch());
    boolean batches = Workflow.getVersion(BATCH_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
    // Runs recorded before batches merged one task a step, which a batch of one does exactly.
    this.batchSize = batches ? request.config().merge().batchSize() : 1;
    boolean checksAhead =
        Workflow.getVersion(StepsAhead.CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1 && batches;
    this.ahead =
        new StepsAhead(checksAhead ? request.config().merge().checksAtOnce() - 1 : 0, board);
    this.slots = new QueueSlots(board);
  }

  /** Running tasks that leave their slot to the next task ({@link QueueSlots}). */
  int freedSlots() {
    return slots.freed(queued());
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
    return busy || !waiting.isEmpty() || ahead.any();
  }

  /** Picks up the merges an earlier execution of the run made. */
  void restore(List<TaskOutcome> merged) {
    integrated.addAll(merged);
  }

  /** A task pushed its work; it completes once that work is merged. */
  void offer(TaskOutcome outcome) {
    slots.queued(outcome);
    waiting.add(MergeBatch.of(outcome));
    board.note(outcome.taskId(), "waiting to merge into " + branch());
  }

  /**
   * Starts the next merge step unless one is running: the first batch checked ahead once its check
   * ended, else the tasks waiting. Then checks batches ahead while the step runs.
   */
  void startNext() {
    if (!busy) {
      if (ahead.any()) {
        if (!ahead.firstEnded()) {
          return; // its answer decides whether its step checks again
        }
        StepsAhead.Checked next = ahead.takeFirst();
        startStep(next.batch(), next.passedTrees());
      } else if (!waiting.isEmpty()) {
        startStep(take(), List.of());
      }
    }
    checkAhead();
    RunGauges.queueDepth(waitingTasks() + ahead.tasks());
  }

  private void startStep(MergeBatch next, List<String> passedTrees) {
    busy = true;
    running = next;
    for (TaskOutcome task : next.tasks()) {
      board.note(task.taskId(), "merging into " + branch() + others(next));
    }
    GitActivities step =
        Workflow.newActivityStub(
            GitActivities.class,
            io.temporal.activity.ActivityOptions.newBuilder(BraidActivityOptions.merge())
                .setSummary("integrate " + next.ids())
                .build());
    // Only the new branches travel: the integration branch itself holds what was merged before,
    // which keeps each step's payload, and the history, the same size however long the plan.
    Promise<MergeResult> merge =
        Async.function(step::integrate, request(next.branches(), passedTrees));
    merge.handle(
        (result, failure) -> {
          busy = false;
          running = null;
          boolean allIn = failure == null && result.checksPassed() && result.conflicted().isEmpty();
          if (!allIn) {
            ahead.giveBack(waiting);
          }
          settle(next, result, failure);
          return null;
        });
  }

  /**
   * Checks the next batch ahead while a step runs, when the batch would be full or no task still at
   * work could join it: a batch checked ahead is fixed, so checking it at the first task to arrive
   * would split tasks finishing together into steps one after another. Halves of a bisection are
   * never checked ahead, nor anything on top of them.
   */
  private void checkAhead() {
    while (busy
        && !running.bisecting()
        && ahead.hasRoom()
        && !waiting.isEmpty()
        && !waiting.peek().bisecting()
        && (waitingTasks() >= batchSize || stillWorking() == 0)) {
      List<String> below = new ArrayList<>(running.branches());
      below.addAll(ahead.branches());
      ahead.start(take(), branches -> request(branches, List.of()), below);
    }
  }

  private int waitingTasks() {
    return waiting.stream().mapToInt(MergeBatch::size).sum();
  }

  /** Tasks of the run still at work, not yet offered to the queue. */
  private int stillWorking() {
    return board.count(TaskPhase.RUNNING) - queued();
  }

  private int queued() {
    return waitingTasks() + ahead.tasks() + (running == null ? 0 : running.size());
  }

  private MergeRequest request(List<String> branches, List<String> passedTrees) {
    BraidConfig config = request.config();
    return new MergeRequest(
        runId,
        request.repo(),
        config.merge().target(),
        branches,
        config.setup(),
        config.checks(),
        config.merge().remote(),
        logs.logRun(),
        passedTrees);
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
      returns.failed(
          batch.tasks().get(0),
          "the merge into " + branch() + " failed: " + FailureText.describe(failure));
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
        returns.sendBack(task, false, result.checksOutput());
      }
    }
    conflicted.forEach(task -> returns.sendBack(task, true, null));
  }

  /** Runs the halves of a batch as steps of their own, first half first, ahead of the rest. */
  private void bisect(MergeBatch batch, String why) {
    for (TaskOutcome task : batch.tasks()) {
      board.note(task.taskId(), why + "; merging in halves to find which");
    }
    waiting.addFirst(batch.secondHalf());
    waiting.addFirst(batch.firstHalf());
  }
}
