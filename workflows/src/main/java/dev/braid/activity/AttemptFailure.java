package dev.braid.activity;

/**
 * The failure types an attempt ends with. The workflow tells them apart in the status and the
 * report, and the retry policies match on them.
 */
public final class AttemptFailure {
  /** The agent exited non-zero or crashed. Retryable. */
  public static final String AGENT_FAILED = "AgentFailed";

  /** The agent ran past its tier's timeout and its process tree was killed. Retryable. */
  public static final String AGENT_TIMED_OUT = "AgentTimedOut";

  /** The agent said it was done, but a check failed. Retryable. */
  public static final String CHECKS_FAILED = "ChecksFailed";

  /**
   * The agent reported a rate or usage limit of its provider (an HTTP 429 or 529, or a usage limit
   * with a reset time). The failure's details hold the attempt's {@link Usage}, the reset time in
   * epoch milliseconds (or null when the agent did not name one), and the attempt's number. Not
   * retried by the tier's policy: the workflow waits the limit out on a durable timer and runs the
   * same attempt again, uncounted.
   */
  public static final String AGENT_RATE_LIMITED = "AgentRateLimited";

  /** The agent's executable does not exist. Retrying cannot fix it. */
  public static final String AGENT_NOT_FOUND = "AgentNotFound";

  /** The configuration cannot work, such as an unknown placeholder. Retrying cannot fix it. */
  public static final String BAD_CONFIG = "BadConfig";

  /** The worktree cannot be created. Retrying cannot fix it. */
  public static final String WORKTREE_FAILED = "WorktreeFailed";

  /**
   * A {@code setup} command failed in the task's new worktree. Retryable a few times, in case it
   * was the network; its details hold the {@link PreparedWorktree}, so the workflow knows where the
   * worktree is when a human finishes the setup by hand.
   */
  public static final String SETUP_FAILED = "SetupFailed";

  /**
   * The task's earlier attempts cost its budget: no attempt starts. Its details are what was spent
   * and the budget, in US dollars. Only a human raising the budget can fix it.
   */
  public static final String BUDGET_SPENT = "BudgetSpent";

  /** The plan cannot be read. Retrying cannot fix it. */
  public static final String PLAN_INVALID = "PlanInvalid";

  private AttemptFailure() {}

  /**
   * Whether a failure of this type means no tier can succeed, so the task goes straight to blocked
   * instead of trying the next tier.
   */
  public static boolean endsCascade(String type) {
    return AGENT_NOT_FOUND.equals(type)
        || BAD_CONFIG.equals(type)
        || WORKTREE_FAILED.equals(type)
        || BUDGET_SPENT.equals(type);
  }
}
