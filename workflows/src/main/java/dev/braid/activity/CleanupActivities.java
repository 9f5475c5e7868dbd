package dev.braid.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Tidies a repository after a run, never deleting work that is not in the target. */
@ActivityInterface
public interface CleanupActivities {

  /**
   * The failure type of a request cleanup refuses (an unsafe task id, a target that does not
   * exist); retrying cannot change the answer, so it is thrown non-retryable.
   */
  String CLEANUP_REFUSED = "CleanupRefused";

  /**
   * Removes the run's clean worktrees, deletes the task and integration branches the target
   * contains (locally and on the remote), prunes stale worktree records, and archives the plan.
   *
   * <p>Idempotent: every step first looks at what is there, so a repeat (a retry after a lost
   * worker, or a second {@code braid cleanup}) finds nothing left to do and changes nothing; an
   * existing archive is kept as it is. A worktree with uncommitted changes and a branch with
   * commits the target lacks are always kept, with the reason in {@link
   * CleanupResult#keptBranches()}.
   *
   * <p>It works on the host it runs on: worktrees of tasks that ran on other hosts stay there.
   *
   * @throws io.temporal.failure.ApplicationFailure non-retryable {@link #CLEANUP_REFUSED} for a
   *     request it refuses
   */
  @ActivityMethod
  CleanupResult cleanup(CleanupRequest request);
}
