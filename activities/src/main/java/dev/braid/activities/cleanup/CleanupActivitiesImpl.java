package dev.braid.activities.cleanup;

import dev.braid.activities.process.Heartbeat;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.CleanupActivities;
import dev.braid.activity.CleanupRequest;
import dev.braid.activity.CleanupResult;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.util.function.Supplier;

/** The cleanup at the end of a run, as an activity; {@link RunCleaner} does the work. */
public final class CleanupActivitiesImpl implements CleanupActivities {

  private final ProcessRunner runner;
  private final Supplier<Heartbeat> heartbeats;

  /** The production activity, heartbeating to the running Temporal activity. */
  public CleanupActivitiesImpl() {
    this(new ProcessRunner(), CleanupActivitiesImpl::activityHeartbeat);
  }

  /**
   * @param heartbeats gives the heartbeat of the running call, on its thread; tests outside
   *     Temporal pass one that does nothing
   */
  public CleanupActivitiesImpl(ProcessRunner runner, Supplier<Heartbeat> heartbeats) {
    this.runner = runner;
    this.heartbeats = heartbeats;
  }

  /**
   * Removes the run's clean worktrees, deletes the branches the target contains (locally with
   * {@code git branch -d}, on the remote with a compare-and-swap push), prunes worktree records and
   * archives the plan.
   *
   * <p><b>Idempotency.</b> Each step acts only on what it finds, so a retry after a lost worker, or
   * any later call, completes what an interrupted call left and otherwise changes nothing: gone
   * worktrees and branches are skipped, and an existing archive is kept as it is. Work is never
   * lost, however often it runs: a worktree with uncommitted changes and a branch with commits the
   * target lacks are kept, with the reason in the result.
   *
   * @throws ApplicationFailure non-retryable {@link CleanupActivities#CLEANUP_REFUSED} when a task
   *     id is unsafe or the target branch does not exist; a git failure (such as a network error on
   *     the remote) is thrown as is, and retried
   */
  @Override
  public CleanupResult cleanup(CleanupRequest request) {
    try {
      return new RunCleaner(runner, heartbeats.get()).clean(request);
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailureWithCause(
          e.getMessage(), CleanupActivities.CLEANUP_REFUSED, e);
    }
  }

  private static Heartbeat activityHeartbeat() {
    ActivityExecutionContext context = Activity.getExecutionContext();
    return context::heartbeat;
  }
}
