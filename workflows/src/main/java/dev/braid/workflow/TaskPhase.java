package dev.braid.workflow;

import java.util.Locale;

/** Where a task stands in a run. */
public enum TaskPhase {
  /** Its dependencies are not all completed yet, or no slot is free. */
  WAITING,
  /** Its workflow is running. */
  RUNNING,
  /** Its work is committed and its checks passed. */
  COMPLETED,
  /** Every attempt failed; a human must look at it. */
  BLOCKED,
  /** It will not run, because a dependency did not complete. */
  SKIPPED;

  /** The lower-case spelling used in status output and JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the task will not change any more in this run. */
  public boolean finished() {
    return this == COMPLETED || this == BLOCKED || this == SKIPPED;
  }
}
