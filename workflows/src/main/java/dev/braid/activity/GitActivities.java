package dev.braid.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Publishes and merges task branches. */
@ActivityInterface
public interface GitActivities {

  /**
   * Pushes the branch to the remote when the repository has it.
   *
   * @return whether anything was pushed
   */
  @ActivityMethod
  boolean push(PushRequest request);

  /** Merges the branches into the target, runs the checks on the result, then moves the target. */
  @ActivityMethod
  MergeResult merge(MergeRequest request);
}
