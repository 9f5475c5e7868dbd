package dev.braid.workflow;

import dev.braid.activity.Usage;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import dev.braid.plan.TaskState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The run's view of every task: which may start, which run, how each ended. It is plain state with
 * no Temporal calls, so the scheduling rules can be read, and tested, apart from the workflow.
 */
final class RunBoard {
  private final Plan plan;
  private final Map<String, TaskStatus> statuses = new LinkedHashMap<>();
  private final Map<String, Integer> planOrder = new LinkedHashMap<>();
  private int version;

  RunBoard(Plan plan) {
    this.plan = plan;
    for (PlanTask task : plan.tasks()) {
      planOrder.put(task.id(), planOrder.size());
      boolean done = task.state() == TaskState.COMPLETED;
      statuses.put(
          task.id(),
          new TaskStatus(
              task.id(),
              task.title(),
              done ? TaskPhase.COMPLETED : TaskPhase.WAITING,
              0,
              null,
              BraidNames.taskBranch(task.id()),
              null,
              done ? "completed before this run" : null,
              0,
              0,
              Usage.unknown()));
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
    return plan.tasks().stream()
        .filter(t -> phase(t.id()) == TaskPhase.WAITING)
        .filter(t -> t.dependencies().stream().allMatch(d -> phase(d) == TaskPhase.COMPLETED))
        .sorted(
            Comparator.comparing((PlanTask t) -> t.priority().ordinal())
                .thenComparing(t -> planOrder.get(t.id())))
        .toList();
  }

  /**
   * Marks as skipped every waiting task that depends, directly or not, on a task that will not
   * complete, and says which dependency is to blame.
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
          if (depPhase == TaskPhase.BLOCKED || depPhase == TaskPhase.SKIPPED) {
            update(
                task.id(),
                s ->
                    with(
                        s,
                        TaskPhase.SKIPPED,
                        "dependency " + dep + " is " + depPhase.label(),
                        now));
            changed = true;
            break;
          }
        }
      }
    }
  }

  void markRunning(String id, long now) {
    update(
        id,
        s ->
            new TaskStatus(
                s.id(),
                s.title(),
                TaskPhase.RUNNING,
                s.attempts(),
                s.tier(),
                s.branch(),
                s.headCommit(),
                null,
                now,
                0,
                s.usage()));
  }

  void finish(TaskOutcome outcome, long now) {
    update(
        outcome.taskId(),
        s ->
            new TaskStatus(
                s.id(),
                s.title(),
                outcome.phase(),
                outcome.attempts(),
                outcome.tier(),
                outcome.branch(),
                outcome.headCommit(),
                outcome.reason(),
                s.startedAtMillis(),
                now,
                outcome.usage() == null ? Usage.unknown() : outcome.usage()));
  }

  /** Marks a task blocked for a reason found outside its own workflow, such as a conflict. */
  void block(String id, String reason, long now) {
    update(id, s -> with(s, TaskPhase.BLOCKED, reason, now));
  }

  int count(TaskPhase phase) {
    return (int) statuses.values().stream().filter(s -> s.phase() == phase).count();
  }

  TaskPhase phase(String id) {
    TaskStatus status = statuses.get(id);
    return status == null ? TaskPhase.SKIPPED : status.phase();
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

  /** One line for the Web UI's current details, plus the tasks that need a look. */
  String details() {
    StringBuilder sb = new StringBuilder();
    sb.append(count(TaskPhase.COMPLETED))
        .append('/')
        .append(statuses.size())
        .append(" completed, ")
        .append(count(TaskPhase.RUNNING))
        .append(" running, ")
        .append(count(TaskPhase.WAITING))
        .append(" waiting, ")
        .append(count(TaskPhase.BLOCKED))
        .append(" blocked, ")
        .append(count(TaskPhase.SKIPPED))
        .append(" skipped");
    appendIds(sb, "running", TaskPhase.RUNNING);
    statuses.values().stream()
        .filter(s -> s.phase() == TaskPhase.BLOCKED)
        .forEach(s -> sb.append("\nblocked: ").append(s.id()).append(": ").append(s.reason()));
    return sb.toString();
  }

  private void appendIds(StringBuilder sb, String label, TaskPhase phase) {
    String ids =
        statuses.values().stream()
            .filter(s -> s.phase() == phase)
            .map(TaskStatus::id)
            .collect(Collectors.joining(", "));
    if (!ids.isEmpty()) {
      sb.append('\n').append(label).append(": ").append(ids);
    }
  }

  private void update(String id, java.util.function.UnaryOperator<TaskStatus> change) {
    statuses.computeIfPresent(id, (k, s) -> change.apply(s));
    version++;
  }

  private static TaskStatus with(TaskStatus s, TaskPhase phase, String reason, long now) {
    return new TaskStatus(
        s.id(),
        s.title(),
        phase,
        s.attempts(),
        s.tier(),
        s.branch(),
        s.headCommit(),
        reason,
        s.startedAtMillis(),
        now,
        s.usage());
  }
}
