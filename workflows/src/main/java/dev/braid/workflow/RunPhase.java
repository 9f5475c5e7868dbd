package dev.braid.workflow;

import java.util.Locale;

/** Where a run stands. */
public enum RunPhase {
  LOADING,
  RUNNING,
  MERGING,
  DONE,
  FAILED,
  BLOCKED,
  CANCELLED;

  /** The lower-case spelling used in status output, JSON and the search attribute. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
