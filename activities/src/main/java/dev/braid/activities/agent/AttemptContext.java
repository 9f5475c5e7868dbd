package dev.braid.activities.agent;

/**
 * What an attempt needs from the activity it runs in. It is an interface so that the attempt logic
 * can be tested without a Temporal worker; in production {@link TemporalAttemptContext} reads it
 * from {@code Activity.getExecutionContext()}.
 */
public interface AttemptContext {

  /**
   * The activity's own attempt number, 1-based. The tier's retry policy repeats the activity, so
   * each repeat is one more attempt of the task.
   */
  int activityAttempt();

  /**
   * Tells Temporal the attempt is alive. Throws an unchecked exception when the activity has been
   * cancelled or has timed out, which stops the running process.
   */
  void heartbeat(AttemptProgress progress);
}
