package dev.braid.activities.process;

/**
 * Called regularly while a process runs. An activity passes one that heartbeats to Temporal; when
 * the activity is cancelled or timed out, the heartbeat throws and the runner kills the process
 * tree before rethrowing.
 */
@FunctionalInterface
public interface Heartbeat {
  /** A heartbeat that does nothing, for calls outside an activity. */
  Heartbeat NONE = elapsed -> {};

  /**
   * Reports that the process is still running.
   *
   * @param elapsedMillis how long it has run
   */
  void beat(long elapsedMillis);
}
