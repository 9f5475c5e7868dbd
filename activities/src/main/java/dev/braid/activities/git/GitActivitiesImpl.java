package dev.braid.activities.git;

import dev.braid.activities.files.LocalCheckout;
import dev.braid.activities.process.Heartbeat;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.GitActivities;
import dev.braid.activity.IntegrationStart;
import dev.braid.activity.MergeRequest;
import dev.braid.activity.MergeResult;
import dev.braid.activity.PublishBranchRequest;
import dev.braid.activity.PushRequest;
import dev.braid.activity.SpeculationResult;
import dev.braid.activity.SyncRequest;
import dev.braid.activity.SyncResult;
import dev.braid.activity.UnmergedRequest;
import dev.braid.workflow.BraidNames;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Publishes task branches and merges them into the target, through the git CLI, in this worker's
 * checkout of the repository whichever checkout started the run ({@link LocalCheckout}).
 */
public final class GitActivitiesImpl implements GitActivities {
  private final ProcessRunner runner;
  private final Supplier<Heartbeat> heartbeats;
  private final LocalCheckout checkout;

  public GitActivitiesImpl() {
    this(new ProcessRunner(), ActivityHeartbeats::current);
  }

  /** Runs git and the merge checks with the given runner and the worker's environment rule. */
  public GitActivitiesImpl(ProcessRunner runner) {
    this(runner, ActivityHeartbeats::current);
  }

  /**
   * @param heartbeats gives the heartbeat of the running call; tests outside Temporal pass one that
   *     does nothing
   */
  public GitActivitiesImpl(ProcessRunner runner, Supplier<Heartbeat> heartbeats) {
    this(runner, heartbeats, LocalCheckout.UNKNOWN);
  }

  /** Runs git with the given runner in {@code checkout}, whichever checkout started the run. */
  public GitActivitiesImpl(ProcessRunner runner, LocalCheckout checkout) {
    this(runner, ActivityHeartbeats::current, checkout);
  }

  /**
   * @param checkout this worker's checkout, where merges, the integration branch and published
   *     branches are made for a run started from a checkout elsewhere
   */
  public GitActivitiesImpl(
      ProcessRunner runner, Supplier<Heartbeat> heartbeats, LocalCheckout checkout) {
    this.runner = runner;
    this.heartbeats = heartbeats;
    this.checkout = checkout;
  }

  /**
   * Pushes the task branch to the same name on the remote, never forcing: task branches only move
   * forward.
   *
   * <p>Idempotent: pushing a branch the remote already has at that commit changes nothing and still
   * returns true, so a retry after a crash returns what the first call would have.
   *
   * @return true when the repository has the remote and the remote now has the branch; false when
   *     there is no such remote
   * @throws ApplicationFailure non-retryable {@link GitFailures#PUSH_REJECTED} when the remote's
   *     branch has commits the local one lacks
   */
  @Override
  public boolean push(PushRequest request) {
    ActivityProgress progress = new ActivityProgress(heartbeats.get());
    GitCli git = new GitCli(Path.of(request.worktree()), runner, progress);
    return Pusher.push(git, request.remote(), request.branch());
  }

  /**
   * Merges the branches, in the order given and each with a merge commit of its own, on the run's
   * integration branch {@code braid/<runId>}; runs the checks on the result; and only when they
   * pass fast-forwards the target to it and pushes the target. A conflicting branch is left out and
   * the next one is tried. The integration worktree is removed at the end; its branch is kept.
   *
   * <p>Idempotent: a branch the integration branch already contains is not merged again, an
   * integration worktree an earlier attempt left (even mid-merge) is recovered and reused, and a
   * target already at the result is left alone. A second call after a success makes no new commit
   * and returns the same merged branches. The main checkout is only ever fast-forwarded, so it is
   * never left mid-merge and git refuses rather than overwrite a user's local changes.
   *
   * @return {@code merged} lists the branches the checked result contains, which reached the target
   *     only when {@code checksPassed}; when nothing new was merged the checks are not run again,
   *     since the target is unchanged or already is the result that passed them
   * @throws ApplicationFailure non-retryable {@link GitFailures#TARGET_NOT_FAST_FORWARD} when local
   *     changes in the checkout that has the target prevent the fast-forward; retryable {@link
   *     GitFailures#TARGET_MOVED} when the target moved while the result was checked
   */
  @Override
  public MergeResult merge(MergeRequest request) {
    ActivityProgress progress = new ActivityProgress(heartbeats.get());
    return new IntegrationMerge(checkout.local(request), runner, progress, true).run();
  }

  /**
   * Creates {@code braid/<runId>} at the target's head and pushes it to the remote, the hub every
   * host fetches it from. A remote that has the branch already (a retry, or a run continued on
   * another host) is adopted: the local branch is created or moved at the remote's commit, unless
   * it is ahead of it; then the next merge step decides, and pushes it only if its head passed the
   * checks. Never forces.
   *
   * <p>A new branch starts from the target's head, the remote's when this checkout's is behind it.
   *
   * <p>Idempotent: an existing integration branch is kept as it is, since it may already hold
   * merged work; the remote's is never reset; pushing what the remote has changes nothing. Without
   * the remote the branch stays local, as before.
   *
   * @throws ApplicationFailure retryable {@link GitFailures#INTEGRATION_MOVED} when the remote's
   *     branch moved while this ran; the retry fetches it again
   */
  @Override
  public String startIntegration(IntegrationStart given) {
    IntegrationStart request = checkout.local(given);
    GitCli git =
        new GitCli(Path.of(request.repo()), runner, new ActivityProgress(heartbeats.get()));
    String branch = BraidNames.integrationBranch(request.runId());
    String ref = "refs/heads/" + branch;
    HubBranch hub = HubBranch.of(git, request.remote(), branch);
    Optional<String> onRemote = hub.fetch();
    Optional<String> local = git.resolve(ref);
    if (local.isEmpty()) {
      git.run("branch", branch, onRemote.orElseGet(() -> targetStart(git, request)));
    } else if (onRemote.isPresent() && !git.isAncestor(onRemote.get(), local.get())) {
      // The remote's holds merged work this checkout lacks: adopt it, never reset it.
      git.run("update-ref", "-m", "braid: adopt " + branch, ref, onRemote.get(), local.get());
    }
    if (onRemote.isEmpty()) {
      hub.push();
    }
    // A local branch ahead of the remote's is left for the next merge step, which pushes it only
    // if its head passed the checks here (a step that died before its push).
    return branch;
  }

  /**
   * Where a new integration branch starts: the target's head, the remote's when it is ahead of this
   * checkout's. The checkout that starts a run need not have pulled what an earlier run, finished
   * on another host, pushed to the target; a run started from its stale target could never push its
   * result onto the remote's.
   */
  private static String targetStart(GitCli git, IntegrationStart request) {
    String local = "refs/heads/" + request.target();
    Optional<String> onRemote = HubBranch.of(git, request.remote(), request.target()).fetch();
    if (onRemote.isPresent()
        && git.resolve(local).map(head -> git.isAncestor(head, onRemote.get())).orElse(true)) {
      return onRemote.get();
    }
    return local;
  }

  /**
   * Merges what the integration branch lacks, runs the setup and checks on the result, and backs
   * the merge out when they fail. The target never moves.
   *
   * <p>Idempotent: merged branches are not merged again, and a result is checked unless it was
   * verified before, so a retry after a crash between the merge and the checks still checks.
   */
  @Override
  public MergeResult integrate(MergeRequest request) {
    ActivityProgress progress = new ActivityProgress(heartbeats.get());
    return new IntegrationMerge(checkout.local(request), runner, progress, false).run();
  }

  /**
   * Merges the branches on top of the integration branch in a detached worktree of their own and
   * runs the setup and checks there; nothing moves.
   *
   * <p>Idempotent: it changes no branch and no remote, and a retry removes what an earlier try left
   * in its worktree and starts again.
   */
  @Override
  public SpeculationResult speculate(MergeRequest request) {
    ActivityProgress progress = new ActivityProgress(heartbeats.get());
    return new SpeculativeMerge(checkout.local(request), runner, progress).run();
  }

  /**
   * Merges the base into the task branch in its worktree; conflicts are left for a resolver. A
   * run's integration branch is fetched from the remote first and the remote's head is merged,
   * since the merge queue may have advanced it on another host.
   *
   * <p>Idempotent: a base already contained changes nothing, a merge in progress is reported as it
   * is, and the local integration branch is only ever created, never moved.
   */
  @Override
  public SyncResult syncWithBase(SyncRequest request) {
    GitCli git =
        new GitCli(Path.of(request.worktree()), runner, new ActivityProgress(heartbeats.get()));
    return new TaskSync(git).sync(request.baseBranch(), request.remote());
  }

  /**
   * Creates the branch at the commit and pushes it when the remote exists.
   *
   * <p>Idempotent: an existing branch is kept where it is (it may be a published pull request's
   * base), and pushing a branch the remote already has changes nothing.
   */
  @Override
  public void publishBranch(PublishBranchRequest given) {
    PublishBranchRequest request = checkout.local(given);
    GitCli git =
        new GitCli(Path.of(request.repo()), runner, new ActivityProgress(heartbeats.get()));
    if (git.resolve("refs/heads/" + request.branch()).isEmpty()) {
      git.run("branch", request.branch(), request.commit());
    }
    Pusher.push(git, request.remote(), request.branch());
  }

  /** Idempotent: without a merge in progress there is nothing to abort. */
  @Override
  public void abortMerge(String worktree) {
    new TaskSync(new GitCli(Path.of(worktree), runner, new ActivityProgress(heartbeats.get())))
        .abort();
  }

  /**
   * Looks at each branch's head in the main checkout: a branch that does not exist has nothing to
   * bring, and one whose head the target contains is merged already.
   *
   * <p>Idempotent: reads only.
   */
  @Override
  public List<String> unmerged(UnmergedRequest given) {
    UnmergedRequest request = checkout.local(given);
    GitCli git =
        new GitCli(Path.of(request.repo()), runner, new ActivityProgress(heartbeats.get()));
    String target = git.resolve("refs/heads/" + request.target()).orElse(null);
    return request.branches().stream()
        .filter(
            branch ->
                git.resolve("refs/heads/" + branch)
                    .map(head -> target == null || !git.isAncestor(head, target))
                    .orElse(false))
        .toList();
  }
}
