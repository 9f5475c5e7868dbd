package dev.braid.activities.git;

import dev.braid.activities.process.Heartbeat;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;

/**
 * Heartbeats to Temporal from inside an activity. The activity implementations take a supplier of
 * heartbeats instead of calling this directly, so that plain unit tests can run them without a
 * Temporal context.
 */
final class ActivityHeartbeats {
  private ActivityHeartbeats() {}

  /**
   * A heartbeat bound to the running activity. It must be obtained on the activity's thread; the
   * beat it returns throws when the activity has been cancelled or has timed out, which is how a
   * long git or check process learns to stop.
   */
  static Heartbeat current() {
    ActivityExecutionContext context = Activity.getExecutionContext();
    return elapsedMillis -> context.heartbeat(elapsedMillis);
  }
}
