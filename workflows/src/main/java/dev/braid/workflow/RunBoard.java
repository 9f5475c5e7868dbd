package dev.braid.workflow;

import dev.braid.activity.Usage;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's view of every task: which may start, which run, how each ended. It is plain state with
 * no Temporal calls, so the scheduling rules can be read, and tested, apart from the workflow.
 */
final class RunBoard {
  private boolean countsUnfinishedSpend;
  private final Plan plan;
  private final Map<String, TaskStatus> statuses = new LinkedHashMap<>();
  private final Map<String, Integer> planOrder = new LinkedHashMap<>();
  private final java.util.Set<String> mergeBlocked = new java.util.HashSet<>();
  private final java.util.Set<String> heldByTask = new java.util.HashSet<>();
  private SoftWaits softWaits = SoftWaits.NONE;
  private ReviewStacks stacks = ReviewStacks.NONE;
  private int version;

  RunBoard(Plan plan) {
    this.plan = plan;
    for (PlanTask task : plan.tasks()) {
      planOrder.put(task.id(), planOrder.size());
      statuses.put(task.id(), TaskStatus.planned(task));
    }
  }

  /** A board that picks up the statuses an earlier execution of the run carried over. */
  RunBoard(Plan plan, List<TaskStatus> carried) {
    this(plan);
    for (TaskStatus status : carried) {
      statuses.computeIfPresent(status.id(), (id, fresh) -> status);
    }
  }

  /** Grows by one with every change, so the workflow can await the next change. */
  int version() {
    return version;
  }

  /**
   * Waiting tasks whose dependencies are all completed: highest priority first, then plan order.
   */
  List<PlanTask> ready() {
    List<PlanTask> ready =
        plan.tasks().stream()
            .filter(t -> phase(t.id()) == TaskPhase.WAITING && dependenciesDone(t))
            .sorted(
                Comparator.comparing((PlanTask t) -> t.priority().ordinal())
                    .thenComparing(t -> planOrder.get(t.id())))
            .toList();
    if (softWaits.isEmpty()) {
      return ready;
    }
    List<PlanTask> free =
        ready.stream().filter(t -> softWaits.holding(t.id(), this).isEmpty()).toList();
    // A soft edge orders work that moves. With nothing running, what it waits for cannot move
    // without a human, and holding on would stall the run for a preference.
    return free.isEmpty() && count(TaskPhase.RUNNING) == 0 ? ready : free;
  }

  /** Keeps the run's soft edges: a task they hold is not ready (see {@link SoftWaits}). */
  void keepApart(SoftWaits waits) {
    this.softWaits = waits;
  }

  /** Lets a task start on its dependency's pull request (see {@link ReviewStacks}). */
  void stackOn(ReviewStacks stacks) {
    this.stacks = stacks;
  }

  /**
   * Says on each task that waits only for a soft edge why, for the status and the Web UI, and
   * clears what no longer holds; other reasons are left alone.
   */
  void explainSoftWaits() {
    for (PlanTask task : plan.tasks()) {
      TaskStatus status = statuses.get(task.id());
      if (softWaits.isEmpty()
          || status.phase() != TaskPhase.WAITING
          || !(status.reason() == null || SoftWaits.isSoftReason(status.reason()))) {
        continue;
      }
      String why = dependenciesDone(task) ? softWaits.reason(task.id(), this) : null;
      if (!java.util.Objects.equals(why, status.reason())) {
        update(task.id(), s -> s.withPhase(TaskPhase.WAITING, why, 0));
      }
    }
  }

  private boolean dependenciesDone(PlanTask task) {
    return task.dependencies().stream().allMatch(d -> phase(d) == TaskPhase.COMPLETED)
        || stacks.releases(task, statuses::get);
  }

  /**
   * Marks as skipped every waiting task that depends, directly or not, on a skipped task, and says
   * which dependency is to blame. A blocked dependency is not enough: a human may still unblock it,
   * so its dependents wait.
   */
  void skipUnreachable(long now) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (PlanTask task : plan.tasks()) {
        if (phase(task.id()) != TaskPhase.WAITING) {
          continue;
        }
        for (String dep : task.dependencies()) {
          TaskPhase depPhase = phase(dep);
          if (depPhase == TaskPhase.SKIPPED) {
            String reason = "dependency " + dep + " is " + depPhase.label();
            update(task.id(), s -> s.withPhase(TaskPhase.SKIPPED, reason, now));
            changed = true;
            break;
          }
        }
      }
    }
  }

  void markRunning(String id, long now) {
    update(id, s -> s.withPhase(TaskPhase.RUNNING, null, 0).withStartedAtMillis(now));
  }

  void finish(TaskOutcome outcome, long now) {
    Usage usage = outcome.usage() == null ? Usage.unknown() : outcome.usage();
    update(
        outcome.taskId(),
        s ->
            s.withPhase(outcome.phase(), outcome.reason(), now)
                .withAttempts(outcome.attempts(), outcome.tier(), outcome.tiers())
                .withWork(outcome.branch(), outcome.headCommit(), usage));
  }

  /**
   * Counts what running and blocked tasks report they spent, as well as finished ones' usage: runs
   * recorded before counted only the finished ones, and a budget decision must replay as it was.
   */
  void countUnfinishedSpend() {
    countsUnfinishedSpend = true;
  }

  /** Records what a running task workflow reported: it became blocked, or runs again. */
  void progress(TaskProgress report) {
    boolean blocked = report.blocker() != null && report.phase() == TaskPhase.BLOCKED;
    if (blocked) {
      heldByTask.add(report.taskId());
    } else {
      heldByTask.remove(report.taskId());
    }
    List<String> tiers = report.tiers();
    update(
        report.taskId(),
        s -> {
          Blocker why = report.blocker();
          TaskStatus moved;
          if (why != null && report.phase() == TaskPhase.BLOCKED) {
            moved = s.blockedBy(why, 0);
          } else if (why != null && why.kind().isWait()) {
            moved = s.waitingOn(why);
          } else {
            moved = s.withPhase(report.phase(), report.reason(), 0);
          }
          moved =
              moved.withAttempts(
                  report.attempts(),
                  tiers.isEmpty() ? s.tier() : tiers.get(tiers.size() - 1),
                  tiers);
          // What a task that has not finished spent so far counts against the run's budget.
          return report.spentUsd() == null || !countsUnfinishedSpend
              ? moved
              : moved.withWork(
                  moved.branch(),
                  moved.headCommit(),
                  new Usage(report.spentUsd(), null, null, null, null));
        });
  }

  /** Marks a task blocked, with why as data and what a human may decide. */
  void block(String id, Blocker blocker, long now) {
    heldByTask.remove(id);
    update(id, s -> s.blockedBy(blocker, now));
  }

  /** Whether the task's own workflow blocked it and waits for the decision (not the run). */
  boolean heldByTask(String id) {
    return heldByTask.contains(id) && blocker(id) != null;
  }

  /** Why a task is blocked, or null when it is not. */
  Blocker blocker(String id) {
    TaskStatus status = statuses.get(id);
    return status == null || status.phase() != TaskPhase.BLOCKED ? null : status.blocker();
  }

  /** What the tasks cost, as far as their agents reported. */
  double spentUsd() {
    return statuses.values().stream()
        .map(TaskStatus::usage)
        .filter(u -> u != null && u.costUsd() != null)
        .mapToDouble(u -> u.costUsd())
        .sum();
  }

  /** One task's status. */
  TaskStatus status(String id) {
    return statuses.get(id);
  }

  /** Whether the run has a task of this id. */
  boolean has(String id) {
    return statuses.containsKey(id);
  }

  /**
   * Ends a task the run decided itself, such as one a human skipped while its workflow was over.
   */
  void end(String id, TaskPhase phase, String reason, long now) {
    update(id, s -> s.withPhase(phase, reason, now));
  }

  /** Sets the line the status shows for a running task, such as "waiting to merge". */
  void note(String id, String reason) {
    update(id, s -> s.withPhase(TaskPhase.RUNNING, reason, 0));
  }

  /**
   * Marks a blocked task running again the moment a human decides, so the run never looks blocked
   * after a decision was accepted; its workflow reports again when it blocks or ends.
   */
  void resume(String id) {
    update(id, s -> s.withPhase(TaskPhase.RUNNING, null, 0));
  }

  /** Records the task's pull request. */
  void pullRequest(String id, String url) {
    update(id, s -> s.withPullRequest(url));
  }

  /** Marks a task blocked for a reason found outside its own workflow: its workflow failed. */
  void block(String id, String reason, long now) {
    update(id, s -> s.withPhase(TaskPhase.BLOCKED, reason, now));
  }

  /**
   * Marks a task blocked because its branch conflicted in the final merge. Its workflow has ended,
   * so there is nobody to unblock; resolving it is the merge queue's job.
   */
  void blockByMerge(String id, String reason, long now) {
    mergeBlocked.add(id);
    block(id, reason, now);
  }

  boolean blockedByMerge(String id) {
    return mergeBlocked.contains(id);
  }

  int count(TaskPhase phase) {
    return (int) statuses.values().stream().filter(s -> s.phase() == phase).count();
  }

  TaskPhase phase(String id) {
    TaskStatus status = statuses.get(id);
    return status == null ? TaskPhase.SKIPPED : status.phase();
  }

  /** Tasks whose file said completed when the run started, in plan order. */
  List<String> completedBefore() {
    return statuses.values().stream()
        .filter(s -> s.phase() == TaskPhase.COMPLETED && s.startedAtMillis() == 0)
        .map(TaskStatus::id)
        .toList();
  }

  /** Tasks completed in this run, in the given order; their branches are what the merge takes. */
  List<String> completedThisRun(List<String> order) {
    return order.stream()
        .filter(id -> phase(id) == TaskPhase.COMPLETED && statuses.get(id).startedAtMillis() > 0)
        .toList();
  }

  List<TaskStatus> statuses() {
    return new ArrayList<>(statuses.values());
  }

  private void update(String id, java.util.function.UnaryOperator<TaskStatus> change) {
    statuses.computeIfPresent(id, (k, s) -> change.apply(s));
    version++;
  }
}
