package dev.braid.activities.cleanup;

import dev.braid.activities.agent.LeftoverAgents;
import dev.braid.activities.files.LocalCheckout;
import dev.braid.activities.process.Heartbeat;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.CleanupActivities;
import dev.braid.activity.CleanupRequest;
import dev.braid.activity.CleanupResult;
import dev.braid.plan.SafeId;
import dev.braid.workflow.BraidNames;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.function.Supplier;

/** The cleanup at the end of a run, as an activity; {@link RunCleaner} does the work. */
public final class CleanupActivitiesImpl implements CleanupActivities {

  private final ProcessRunner runner;
  private final Supplier<Heartbeat> heartbeats;
  private final LocalCheckout checkout;

  /** The production activity, heartbeating to the running Temporal activity. */
  public CleanupActivitiesImpl() {
    this(new ProcessRunner(), CleanupActivitiesImpl::activityHeartbeat);
  }

  /** The production activity, cleaning up in {@code checkout} whichever one started the run. */
  public CleanupActivitiesImpl(LocalCheckout checkout) {
    this(new ProcessRunner(), CleanupActivitiesImpl::activityHeartbeat, checkout);
  }

  /**
   * @param heartbeats gives the heartbeat of the running call, on its thread; tests outside
   *     Temporal pass one that does nothing
   */
  public CleanupActivitiesImpl(ProcessRunner runner, Supplier<Heartbeat> heartbeats) {
    this(runner, heartbeats, LocalCheckout.UNKNOWN);
  }

  /**
   * @param checkout this worker's checkout, whose worktrees, branches and plan folder are the run's
   *     when the run was started from a checkout elsewhere
   */
  public CleanupActivitiesImpl(
      ProcessRunner runner, Supplier<Heartbeat> heartbeats, LocalCheckout checkout) {
    this.runner = runner;
    this.heartbeats = heartbeats;
    this.checkout = checkout;
  }

  /**
   * Removes the run's clean worktrees, deletes the branches the target contains (locally with
   * {@code git branch -d}, on the remote with a compare-and-swap push), prunes worktree records and
   * archives the plan.
   *
   * <p>First it stops any agent or check a lost worker left running in the run's worktrees ({@link
   * LeftoverAgents}): when the run has ended, none of them belongs to a live attempt.
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
  public CleanupResult cleanup(CleanupRequest given) {
    CleanupRequest request = checkout.local(given);
    // The run has ended, so any agent still in its worktrees was left by a lost worker: it must
    // not keep working there, and its worktree must be judged on what it leaves. braid cleanup
    // does not do this, since it may run beside a run that is still going.
    Path worktrees = Path.of(request.repo()).resolve(BraidNames.WORKTREES_DIR);
    for (String id : request.taskIds()) {
      if (SafeId.problem(id).isEmpty()) {
        LeftoverAgents.stop(runner, worktrees.resolve(id));
      }
    }
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
