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
  /** Push the branch and hand the work to the run. */
  COMPLETE,
  /** A human gave the task up: set its file back to pending and end it skipped. */
  SKIP
}
