package dev.braid.activities.git;

import dev.braid.activities.files.LocalCheckout;
import dev.braid.activities.process.Heartbeat;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.AttemptFailure;
import dev.braid.activity.PrepareRequest;
import dev.braid.activity.PreparedWorktree;
import dev.braid.activity.WorktreeActivities;
import dev.braid.workflow.BraidNames;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Gives each task a worktree {@code worktrees/<id>} on branch {@code feature/<id>}, on the host
 * whose worker runs it. The worktree then exists only on this host, so the result names this host's
 * task queue and the workflow runs the task's later activities there.
 */
public final class WorktreeActivitiesImpl implements WorktreeActivities {
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]+");

  private final String hostTaskQueue;
  private final ProcessRunner runner;
  private final Supplier<Heartbeat> heartbeats;
  private final LocalCheckout checkout;

  /**
   * @param hostTaskQueue this host's task queue, {@link BraidNames#hostTaskQueue(String)}
   */
  public WorktreeActivitiesImpl(String hostTaskQueue) {
    this(hostTaskQueue, new ProcessRunner(), ActivityHeartbeats::current);
  }

  /** Runs git and setup with the given runner and the worker's environment rule. */
  public WorktreeActivitiesImpl(String hostTaskQueue, ProcessRunner runner) {
    this(hostTaskQueue, runner, ActivityHeartbeats::current);
  }

  /**
   * @param heartbeats gives the heartbeat of the running call; tests outside Temporal pass one that
   *     does nothing
   */
  public WorktreeActivitiesImpl(
      String hostTaskQueue, ProcessRunner runner, Supplier<Heartbeat> heartbeats) {
    this(hostTaskQueue, runner, heartbeats, LocalCheckout.UNKNOWN);
  }

  /** Runs git and setup with the given runner, in {@code checkout} for a run started elsewhere. */
  public WorktreeActivitiesImpl(
      String hostTaskQueue, ProcessRunner runner, LocalCheckout checkout) {
    this(hostTaskQueue, runner, ActivityHeartbeats::current, checkout);
  }

  /**
   * @param heartbeats gives the heartbeat of the running call; tests outside Temporal pass one that
   *     does nothing
   * @param checkout this worker's checkout, where the worktree goes whichever checkout started the
   *     run
   */
  public WorktreeActivitiesImpl(
      String hostTaskQueue,
      ProcessRunner runner,
      Supplier<Heartbeat> heartbeats,
      LocalCheckout checkout) {
    this.hostTaskQueue = hostTaskQueue;
    this.runner = runner;
    this.heartbeats = heartbeats;
    this.checkout = checkout;
  }

  /**
   * Creates or finds the task's worktree and runs the setup in it once.
   *
   * <p>Idempotent: a worktree already on the task's branch is reused as it is, uncommitted changes
   * included; a branch whose worktree directory was deleted gets a new worktree on its existing
   * commits; only a missing branch is created, from the base branch. No branch is ever reset or
   * deleted. The setup runs until it has succeeded once in the worktree. A branch this checkout
   * lacks but the remote has (the task ran on a host that is gone) is fetched first, so the task
   * goes on from its pushed work rather than from the base; a branch this checkout has but the
   * remote has moved ahead (the task went on elsewhere and came back) is fast-forwarded to the
   * remote's when its worktree is clean, and never moved otherwise. A run's integration branch is
   * fetched from the remote, where the merge queue pushes it, and a new task starts from the
   * remote's head, so it holds the checked work whichever host merged it; the local branch is only
   * ever created, never moved. The {@code copyFiles} (such as {@code .env}) are copied in before
   * the setup, once, and excluded from commits. The worktree goes into this worker's checkout of
   * the repository, wherever the checkout that started the run lives ({@link LocalCheckout}).
   *
   * @throws ApplicationFailure non-retryable {@link AttemptFailure#WORKTREE_FAILED} when a
   *     directory is in the way or the branch is checked out elsewhere; retryable {@link
   *     GitFailures#SETUP_FAILED} when a setup command fails, whose details hold the worktree
   */
  @Override
  public PreparedWorktree prepare(PrepareRequest given) {
    PrepareRequest request = checkout.local(given);
    if (!SAFE_ID.matcher(request.taskId()).matches()
        || request.taskId().contains("..")
        || request.taskId().startsWith("-")) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Task id '" + request.taskId() + "' is not safe as a branch or directory name",
          AttemptFailure.WORKTREE_FAILED);
    }
    ActivityProgress progress = new ActivityProgress(heartbeats.get());
    Path repo = Path.of(request.repo()).toAbsolutePath().normalize();
    GitCli main = new GitCli(repo, runner, progress);
    ExcludeFile.ensure(main.commonDir(), ExcludeFile.BRAID_ENTRIES);

    String branch = BraidNames.taskBranch(request.taskId());
    Path path = GitPaths.taskWorktree(repo, request.taskId());
    boolean hadBranch = main.resolve("refs/heads/" + branch).isPresent();
    PushedBranch.fetchIfMissing(main, request.remote(), branch);
    String start = IntegrationBase.startPoint(main, request.remote(), request.baseBranch());
    new Worktrees(main, progress::step).ensure(path, branch, start);
    if (hadBranch) {
      PushedBranch.catchUp(main, path, request.remote(), branch);
    }
    progress.step();

    EnvFiles.copy(main, path, request.copyFiles());
    Path gitDir = main.in(path).gitDir();
    String baseCommit = BaseCommit.of(main, branch, start);
    PreparedWorktree prepared =
        new PreparedWorktree(hostTaskQueue, path.toString(), branch, baseCommit);
    try {
      new WorktreeSetup(new CommandSequence(runner, progress)).runOnce(path, gitDir, request);
    } catch (ApplicationFailure setupFailed) {
      // The worktree exists though its setup failed: say where, so a human can finish by hand.
      throw ApplicationFailure.newFailure(
          setupFailed.getOriginalMessage(), setupFailed.getType(), prepared);
    }
    return prepared;
  }
}
