package dev.braid.starter.report;

import dev.braid.activity.MergeResult;
import dev.braid.activity.TierUsage;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import dev.braid.workflow.RunPhase;
import dev.braid.workflow.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A run's report: only figures measured from the run's own workflow timestamps and from what the
 * agents reported, never estimates. A figure that was not measured is null, and {@link #notes()}
 * says why.
 *
 * @param runId the run's workflow id
 * @param planName the plan's name
 * @param phase where the run stands
 * @param message why the run ended as it did, or null
 * @param startedAtMillis when the run started (workflow time)
 * @param finishedAtMillis when it ended (workflow time), or 0
 * @param wallClockMillis from the run's start to its end, or null while it has not ended
 * @param taskTimeSumMillis the sum of the durations of the tasks that ran and finished
 * @param speedup the sum of task times divided by the wall-clock, or null without a wall-clock
 * @param criticalPath the chain of dependent tasks with the largest measured duration, or null
 * @param efficiency the critical path divided by the wall-clock, or null without either
 * @param tasks every task, in plan order
 * @param usage the cost and tokens the agents reported
 * @param tiers the same, per tier, in the order the tiers first ran
 * @param merge what the merge did, with the checks on the merged result; null when none ran
 * @param notes why a figure is unknown or leaves something out, one sentence each
 */
public record RunReport(
    String runId,
    String planName,
    RunPhase phase,
    String message,
    long startedAtMillis,
    long finishedAtMillis,
    Long wallClockMillis,
    long taskTimeSumMillis,
    Double speedup,
    CriticalPath criticalPath,
    Double efficiency,
    List<TaskReport> tasks,
    UsageTotal usage,
    List<TierTotal> tiers,
    MergeResult merge,
    List<String> notes) {

  public RunReport {
    tasks = List.copyOf(tasks);
    tiers = List.copyOf(tiers);
    notes = List.copyOf(notes);
  }

  /** The report of a run, its spend per tier known only for tasks that ran on one tier. */
  public static RunReport of(RunStatus run, Plan plan) {
    return of(run, plan, Map.of());
  }

  /**
   * The report of a run.
   *
   * @param plan the run's plan, for its dependencies; null when it cannot be read, and then the
   *     critical path and efficiency are unknown
   * @param splits by task id, the split by tier of the task's spend that its last successful
   *     attempt recorded (see {@link TierSplit} for when it is used)
   */
  public static RunReport of(RunStatus run, Plan plan, Map<String, List<TierUsage>> splits) {
    List<String> notes = new ArrayList<>();
    List<TaskReport> tasks =
        run.tasks().stream()
            .map(t -> TaskReport.of(t, run.startedAtMillis(), splits.get(t.id())))
            .toList();
    Long wall =
        run.finishedAtMillis() > 0 && run.startedAtMillis() > 0
            ? run.finishedAtMillis() - run.startedAtMillis()
            : null;
    if (wall == null) {
      notes.add("The run has not ended, so its wall-clock, speedup and efficiency are not known.");
    }
    long sum =
        tasks.stream().filter(TaskReport::measured).mapToLong(TaskReport::durationMillis).sum();
    List<String> unfinished =
        tasks.stream().filter(t -> t.ran() && !t.measured()).map(TaskReport::id).toList();
    if (!unfinished.isEmpty()) {
      notes.add(
          "The task times leave out the tasks that have not finished: "
              + String.join(", ", unfinished)
              + ".");
    }
    BudgetNote.of(run).ifPresent(notes::add);
    List<String> unsplit =
        tasks.stream()
            // A task whose agents reported nothing has nothing to split: the cost note says so.
            .filter(t -> t.ran() && t.usageByTier() == null && !t.tiers().isEmpty())
            .filter(t -> t.usage().costUsd() != null || t.usage().inputTokens() != null)
            .map(TaskReport::id)
            .toList();
    if (!unsplit.isEmpty()) {
      notes.add(
          "The spend per tier is unknown for the tiers of "
              + String.join(", ", unsplit)
              + ": they ran on more than one tier, and no split by tier that their attempts"
              + " recorded adds up to what they spent.");
    }
    CriticalPath path = criticalPath(tasks, plan, notes);
    return new RunReport(
        run.runId(),
        run.planName(),
        run.phase(),
        run.message(),
        run.startedAtMillis(),
        run.finishedAtMillis(),
        wall,
        sum,
        ratio(sum, wall),
        path,
        path == null ? null : ratio(path.millis(), wall),
        tasks,
        UsageTotal.of(tasks),
        TierTotal.of(tasks),
        run.merge(),
        notes);
  }

  private static CriticalPath criticalPath(List<TaskReport> tasks, Plan plan, List<String> notes) {
    if (tasks.stream().noneMatch(TaskReport::measured)) {
      notes.add("No task ran to its end in this run, so there is no critical path.");
      return null;
    }
    if (plan == null) {
      notes.add("The run's plan could not be read, so its critical path is not known.");
      return null;
    }
    Set<String> planIds = plan.tasks().stream().map(PlanTask::id).collect(Collectors.toSet());
    if (!tasks.stream().map(TaskReport::id).allMatch(planIds::contains)) {
      notes.add(
          "The plan at "
              + plan.dir()
              + " does not hold the run's tasks, so the critical path is"
              + " not known.");
      return null;
    }
    return CriticalPath.of(tasks, plan).orElse(null);
  }

  private static Double ratio(long part, Long whole) {
    return whole == null || whole <= 0 ? null : (double) part / whole;
  }
}
