package dev.braid.config;

/**
 * What a run may spend on its agents, in US dollars, from the cost the agents report; null for no
 * limit. An agent that reports no cost cannot be held to a budget, which braid says rather than
 * guess.
 *
 * @param perTaskUsd what one task may spend over all its attempts, or null
 * @param perRunUsd what all the run's tasks may spend together, or null
 */
public record BudgetSettings(Double perTaskUsd, Double perRunUsd) {

  /** No budget: the default. */
  public static final BudgetSettings NONE = new BudgetSettings(null, null);

  /** The same budgets, with the task's raised to this, as a human's unblock does. */
  public BudgetSettings withPerTask(double usd) {
    return new BudgetSettings(usd, perRunUsd);
  }

  /** The same budgets, with the run's raised to this. */
  public BudgetSettings withPerRun(double usd) {
    return new BudgetSettings(perTaskUsd, usd);
  }

  /** Dollars as the CLI and the reasons print them: {@code $2.13}. */
  public static String dollars(double usd) {
    return String.format(java.util.Locale.ROOT, "$%.2f", usd);
  }
}
