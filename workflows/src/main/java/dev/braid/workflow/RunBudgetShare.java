package dev.braid.workflow;

import dev.braid.config.BudgetSettings;

/**
 * What the run's budget ({@code budget.perRun}) leaves one task, as its workflow starts: the budget
 * in force then (a human may have raised {@code braid.yaml}'s) and what the run's other tasks had
 * spent. The task's attempts stop when their own spend reaches the rest, so that no attempt starts
 * once the run has spent its budget; what other tasks spend while it runs is seen at its next
 * start.
 *
 * @param perRunUsd the run's budget in force
 * @param othersSpentUsd what the run's other tasks had spent, as their agents reported it
 */
public record RunBudgetShare(double perRunUsd, double othersSpentUsd) {

  /** What this task may spend before the run's budget is spent. */
  public double leftUsd() {
    return Math.max(0, perRunUsd - othersSpentUsd);
  }

  /** The same share of a budget a human raised. */
  RunBudgetShare raisedTo(double usd) {
    return new RunBudgetShare(usd, othersSpentUsd);
  }

  /** Why the task's attempts stopped: the run's spend against its budget. */
  String reason(double taskSpentUsd) {
    return "run budget: spent "
        + BudgetSettings.dollars(othersSpentUsd + taskSpentUsd)
        + " of "
        + BudgetSettings.dollars(perRunUsd)
        + " (this task "
        + BudgetSettings.dollars(taskSpentUsd)
        + ")";
  }
}
