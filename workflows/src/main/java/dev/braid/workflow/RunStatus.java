package dev.braid.workflow;

import dev.braid.activity.MergeResult;
import dev.braid.config.BudgetSettings;
import java.util.List;

/**
 * A run as it stands: what the status query returns, and the run's result when it ends.
 *
 * @param runId the run's workflow id
 * @param planName the plan's name
 * @param phase where the run stands
 * @param tasks every task, in plan order
 * @param merge what the merge did, or null before it ran
 * @param startedAtMillis when the run started (workflow time)
 * @param finishedAtMillis when it ended (workflow time), or 0
 * @param message a line for humans on why the run ended as it did, or null
 * @param budget the budgets the run holds its tasks to, or null in runs from before budgets
 */
public record RunStatus(
    String runId,
    String planName,
    RunPhase phase,
    List<TaskStatus> tasks,
    MergeResult merge,
    long startedAtMillis,
    long finishedAtMillis,
    String message,
    BudgetSettings budget) {

  public RunStatus {
    tasks = List.copyOf(tasks);
  }

  /** A status without budgets, as runs reported before budgets existed. */
  public RunStatus(
      String runId,
      String planName,
      RunPhase phase,
      List<TaskStatus> tasks,
      MergeResult merge,
      long startedAtMillis,
      long finishedAtMillis,
      String message) {
    this(runId, planName, phase, tasks, merge, startedAtMillis, finishedAtMillis, message, null);
  }
}
