package dev.braid.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Reaches a human when a task needs one. */
@ActivityInterface
public interface NotifyActivities {

  /**
   * Runs the notify command.
   *
   * @return whether it exited 0; a failing notifier never fails the run
   */
  @ActivityMethod
  boolean notifyBlocked(NotifyRequest request);
}
