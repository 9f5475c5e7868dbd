package dev.braid.starter.temporal;

/** How much of a worker a CLI command runs in its own process on the embedded server. */
public enum WorkerMode {
  /** None: the command only talks to the server. */
  NONE,
  /**
   * Workflows only: enough to answer queries and move workflows on, but no activity, so that a
   * short-lived command never starts an agent it would abandon on exit.
   */
  WORKFLOWS,
  /** Workflows and activities: the command follows the run, so the run carries on. */
  FULL
}
