package dev.braid.activity;

/** What a pull request's head commit asks of braid, read from GitHub. */
public enum VerdictKind {
  /** Checks are still running; wait. */
  PENDING,
  /** Every check passed and no review asks for changes: nothing to do but wait for a merge. */
  GREEN,
  /** A check failed on the head: a new round for the task's agent. */
  CHECKS_FAILED,
  /** A reviewer requested changes on the head: a new round for the task's agent. */
  CHANGES_REQUESTED,
  /** Merged: the task is done. */
  MERGED,
  /** Closed without merging: the task is skipped. */
  CLOSED,
  /**
   * The pull request it is stacked on ({@link PullRequestQuery#stackedOn}) merged: it moves onto
   * the target, with the target merged into its branch.
   */
  BASE_MERGED,
  /** The pull request it is stacked on was closed without merging: its work cannot land. */
  BASE_CLOSED
}
