package dev.braid.activity;

/** Where a pull request stands on GitHub. */
public enum PullRequestState {
  /** Open, whatever its checks and reviews say. */
  OPEN,
  /** Merged into its base: the task's work is there. */
  MERGED,
  /** Closed without being merged, by a human. */
  CLOSED
}
