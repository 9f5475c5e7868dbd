package dev.braid.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Gives each task its own git worktree on its own branch. */
@ActivityInterface
public interface WorktreeActivities {

  /** Creates, or finds, the task's worktree and runs the setup commands in it once. */
  @ActivityMethod
  PreparedWorktree prepare(PrepareRequest request);
}
