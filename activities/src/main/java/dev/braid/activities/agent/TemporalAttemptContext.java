package dev.braid.activities.agent;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;

/** The attempt context of a real activity execution. */
final class TemporalAttemptContext implements AttemptContext {
  private final ActivityExecutionContext context;

  private TemporalAttemptContext(ActivityExecutionContext context) {
    this.context = context;
  }

  /** The context of the activity running on this thread. */
  static AttemptContext current() {
    return new TemporalAttemptContext(Activity.getExecutionContext());
  }

  @Override
  public int activityAttempt() {
    // Temporal numbers attempts from 1; a test environment that reports 0 means the first.
    return Math.max(1, context.getInfo().getAttempt());
  }

  @Override
  public void heartbeat(AttemptProgress progress) {
    context.heartbeat(progress);
  }
}
