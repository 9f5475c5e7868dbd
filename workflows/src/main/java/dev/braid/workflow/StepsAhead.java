package dev.braid.workflow;

import dev.braid.activity.GitActivities;
import dev.braid.activity.MergeRequest;
import dev.braid.activity.SpeculationResult;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Merge steps checked ahead, as GitHub's merge queue and Zuul check the next merge groups on top of
 * the running one: while a step checks, the batches behind it are merged on top of it in worktrees
 * of their own and checked at the same time. A batch checked ahead then becomes a step like any
 * other, in the same order; when its merge yields the tree found passing ahead, it is not checked
 * again. Only the tree is trusted, so nothing merges unchecked: when the step ahead of it fails,
 * every batch checked ahead goes back to the queue (the result it checked will never exist).
 */
final class StepsAhead {
  /** The change that made the merge queue check batches ahead of the running step. */
  static final String CHANGE = "merge-steps-ahead";

  /** A batch being checked ahead, and what was found once the check ended. */
  private static final class Ahead {
    final MergeBatch batch;
    SpeculationResult found;
    boolean ended;

    Ahead(MergeBatch batch) {
      this.batch = batch;
    }
  }

  private final int most;
  private final RunBoard board;
  private final Deque<Ahead> checking = new ArrayDeque<>();

  /**
   * @param most how many batches may be checked ahead at once; 0 checks none
   */
  StepsAhead(int most, RunBoard board) {
    this.most = Math.max(0, most);
    this.board = board;
  }

  /** Whether another batch may be checked ahead now. */
  boolean hasRoom() {
    return checking.size() < most;
  }

  /** Whether any batch is checked ahead, or was and waits to become a step. */
  boolean any() {
    return !checking.isEmpty();
  }

  /** How many tasks the batches checked ahead hold. */
  int tasks() {
    return checking.stream().mapToInt(a -> a.batch.size()).sum();
  }

  /** The branches of every batch checked ahead, in order: the next one is merged on top of them. */
  List<String> branches() {
    List<String> all = new ArrayList<>();
    checking.forEach(a -> all.addAll(a.batch.branches()));
    return all;
  }

  /**
   * Starts checking {@code batch} ahead: {@code request} merges {@code below} (the running step's
   * and earlier batches' branches) and then the batch's.
   */
  void start(MergeBatch batch, Function<List<String>, MergeRequest> request, List<String> below) {
    Ahead ahead = new Ahead(batch);
    checking.add(ahead);
    List<String> branches = new ArrayList<>(below);
    branches.addAll(batch.branches());
    GitActivities git =
        Workflow.newActivityStub(
            GitActivities.class,
            ActivityOptions.newBuilder(BraidActivityOptions.merge())
                .setSummary("check ahead " + batch.ids())
                .build());
    Promise<SpeculationResult> check = Async.function(git::speculate, request.apply(branches));
    check.handle(
        (found, failure) -> {
          ended(ahead, found);
          return null;
        });
    for (TaskOutcome task : batch.tasks()) {
      board.note(task.taskId(), "checked ahead, on top of the merge step before it");
    }
  }

  private void ended(Ahead ahead, SpeculationResult found) {
    if (!checking.contains(ahead)) {
      return; // given back: what it checked will never be merged
    }
    ahead.found = found;
    ahead.ended = true;
    String what =
        found != null && found.checksPassed()
            ? "checked ahead: the checks passed; merging next"
            : "checked ahead: not passing; its own merge step checks again";
    for (TaskOutcome task : ahead.batch.tasks()) {
      board.note(task.taskId(), what);
    }
  }

  /** Whether the first batch checked ahead has its answer, so that its step may start. */
  boolean firstEnded() {
    return !checking.isEmpty() && checking.peek().ended;
  }

  /**
   * A batch checked ahead, leaving this list to become a step.
   *
   * @param passedTrees the trees its step need not check again: the one found passing, or none
   */
  record Checked(MergeBatch batch, List<String> passedTrees) {}

  /** The first batch checked ahead, now to be a step; call once {@link #firstEnded()}. */
  Checked takeFirst() {
    Ahead first = checking.poll();
    boolean passed = first.found != null && first.found.checksPassed();
    return new Checked(first.batch, passed ? List.of(first.found.tree()) : List.of());
  }

  /**
   * The step in front failed in part or whole: every batch checked ahead goes back to the front of
   * {@code waiting}, in its order. A check still running is left to end and its answer ignored:
   * cancelling it could race its completion, and it moves nothing anyway.
   */
  void giveBack(Deque<MergeBatch> waiting) {
    Iterator<Ahead> last = checking.descendingIterator();
    while (last.hasNext()) {
      Ahead ahead = last.next();
      waiting.addFirst(ahead.batch);
      for (TaskOutcome task : ahead.batch.tasks()) {
        board.note(task.taskId(), "waiting to merge: the step ahead of it did not pass");
      }
    }
    checking.clear();
  }
}
