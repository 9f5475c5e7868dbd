package dev.braid.activities.agent;

import dev.braid.activity.AttemptFailure;
import dev.braid.activity.Usage;
import dev.braid.config.BudgetSettings;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a task to its budget before each attempt, from what its earlier attempts' agents reported
 * they cost. Checked in the activity rather than the workflow, because the tier's retry policy
 * starts the attempts after the first without the workflow seeing them.
 */
final class TaskBudget {
  private static final Logger log = LoggerFactory.getLogger(TaskBudget.class);

  private TaskBudget() {}

  /**
   * @param before what the task spent before this run of the attempt
   * @param anySpent whether anything ran before it: an earlier attempt, or a try of this same
   *     attempt that a rate limit stopped
   * @throws ApplicationFailure non-retryable {@link AttemptFailure#BUDGET_SPENT}, details the spent
   *     amount then the budget, when the earlier attempts cost the budget or more
   */
  static void check(Double budgetUsd, Usage before, boolean anySpent, String taskId) {
    if (budgetUsd == null || !anySpent) {
      return;
    }
    if (before.costUsd() == null) {
      // Never guessed: an agent that reports no cost cannot be held to a budget.
      log.warn("task {}: its agent reported no cost, so its budget cannot be enforced", taskId);
      return;
    }
    if (before.costUsd() >= budgetUsd) {
      throw ApplicationFailure.newNonRetryableFailure(
          "budget: spent "
              + BudgetSettings.dollars(before.costUsd())
              + " of "
              + BudgetSettings.dollars(budgetUsd),
          AttemptFailure.BUDGET_SPENT,
          before.costUsd(),
          budgetUsd);
    }
  }
}
