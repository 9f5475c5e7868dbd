package dev.braid.activities.git;

/**
 * Failure types the git activities end with, besides those in {@link
 * dev.braid.activity.AttemptFailure}. Retry policies match on them.
 */
public final class GitFailures {
  /** A setup command failed in a new worktree. Retryable: it may be a flaky download. */
  public static final String SETUP_FAILED = dev.braid.activity.AttemptFailure.SETUP_FAILED;

  /** A branch to merge exists neither locally nor on the remote. Retrying cannot fix it. */
  public static final String BRANCH_MISSING = "BranchMissing";

  /**
   * The target could not be fast-forwarded in the checkout that has it, because a user's local
   * changes there would be overwritten. Retrying cannot fix it; the user must commit or stash.
   */
  public static final String TARGET_NOT_FAST_FORWARD = "TargetNotFastForward";

  /**
   * The target moved while the merged result was being checked. Retryable: the next attempt merges
   * onto the new target and checks again.
   */
  public static final String TARGET_MOVED = "TargetMoved";

  /**
   * The remote refused the push of a run's integration branch because another try of a merge step
   * moved it first. Retryable: the next try fetches the remote's branch and merges on top of it.
   */
  public static final String INTEGRATION_MOVED = "IntegrationMoved";

  /** The remote refused a push because its branch has commits braid does not. Not retryable. */
  public static final String PUSH_REJECTED = "PushRejected";

  private GitFailures() {}
}
