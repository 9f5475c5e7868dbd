package dev.braid.starter.cli;

import dev.braid.workflow.RunPhase;

/** The exit codes scripts rely on (a contract). */
public final class ExitCodes {
  /** The run is done. */
  public static final int DONE = 0;

  /** The run failed. */
  public static final int FAILED = 1;

  /** Bad usage or input. */
  public static final int USAGE = 2;

  /** The run is alive but waits on a human. */
  public static final int BLOCKED = 3;

  private ExitCodes() {}

  /** The exit code for a run in this phase; a run still going counts as fine. */
  public static int of(RunPhase phase) {
    return switch (phase) {
      case FAILED, CANCELLED -> FAILED;
      case BLOCKED -> BLOCKED;
      default -> DONE;
    };
  }
}
