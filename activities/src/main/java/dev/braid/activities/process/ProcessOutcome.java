package dev.braid.activities.process;

import java.time.Duration;

/**
 * How a process ended.
 *
 * @param exitCode the exit code; for a process killed by a signal, 128 plus the signal number
 * @param timedOut whether braid killed it for running past its timeout
 * @param output the whole output when captured, else the tail of the log file
 * @param elapsed how long it ran
 */
public record ProcessOutcome(int exitCode, boolean timedOut, String output, Duration elapsed) {

  /** Whether it exited 0 within its time. */
  public boolean succeeded() {
    return exitCode == 0 && !timedOut;
  }
}
