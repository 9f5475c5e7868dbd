package dev.braid.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Runs the coding agent and the checks in a task's worktree. */
@ActivityInterface
public interface AgentActivities {

  /**
   * Runs the agent, commits what it left and runs the checks.
   *
   * @throws io.temporal.failure.ApplicationFailure typed by {@link AttemptFailure}
   */
  @ActivityMethod
  AttemptResult attempt(AttemptRequest request);

  /**
   * Commits what a human left in the worktree and runs the checks, with no agent: the human's
   * {@code unblock --done}.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link AttemptFailure#CHECKS_FAILED}
   *     when a check fails, with the output's tail
   */
  @ActivityMethod
  AttemptResult acceptManualWork(ManualWorkRequest request);
}
