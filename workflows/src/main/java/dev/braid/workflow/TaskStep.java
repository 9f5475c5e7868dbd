package dev.braid.workflow;

/** The states of a task's workflow ({@link TaskFlow}); it ends from COMPLETE or SKIP. */
enum TaskStep {
  /** Create or find the worktree and run the setup, on any host that answers. */
  PREPARE,
  /** The agents work: the cascade, after merging the integration branch in when a round asks. */
  WORK,
  /** A human finished the work by hand: commit it and run the checks, no agent. */
  MANUAL,
  /** Wait, holding nothing, for a human's decision. */
  BLOCKED,
  /** Push the branch and hand the work to the run, or to its pull request's review. */
  COMPLETE,
  /**
   * With {@code github.watch}: wait, holding nothing, for the pull request's checks, reviews and
   * merge; a failed check or a request for changes is another round of {@code WORK}.
   */
  REVIEW,
  /** A human gave the task up: set its file back to pending and end it skipped. */
  SKIP;

  /** What a failure that no step expected means, by the step it ended. */
  BlockKind unexpectedFailure() {
    return switch (this) {
      case PREPARE -> BlockKind.WORKTREE_FAILED;
      case COMPLETE -> BlockKind.PUSH_FAILED;
      case REVIEW -> BlockKind.PULL_REQUEST_FAILED;
      default -> BlockKind.AGENT_TIERS_EXHAUSTED;
    };
  }
}
