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
  CLOSED
}
