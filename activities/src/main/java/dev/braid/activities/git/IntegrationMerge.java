package dev.braid.activities.git;

import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.MergeRequest;
import dev.braid.activity.MergeResult;
import dev.braid.workflow.BraidNames;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of the merge: task branches are merged on the run's integration branch in a worktree of
 * its own, the checks run there, and only then does the target fast-forward to the result. The main
 * checkout is touched by nothing but that fast-forward, so it is never left mid-merge.
 */
final class IntegrationMerge {
  private static final Logger log = LoggerFactory.getLogger(IntegrationMerge.class);

  private final MergeRequest request;
  private final ProcessRunner runner;
  private final ActivityProgress progress;
  private final Path repo;
  private final GitCli main;
  private final Worktrees worktrees;
  private final Path path;
  private final boolean moveTarget;

  /**
   * @param moveTarget true for the run's finish (the target moves to the checked result); false for
   *     a step of the merge queue (only the integration branch moves, and it goes back when the
   *     checks fail)
   */
  IntegrationMerge(
      MergeRequest request, ProcessRunner runner, ActivityProgress progress, boolean moveTarget) {
    this.request = request;
    this.moveTarget = moveTarget;
    this.runner = runner;
    this.progress = progress;
    this.repo = Path.of(request.repo()).toAbsolutePath().normalize();
    this.main = new GitCli(repo, runner, progress);
    this.worktrees = new Worktrees(main, progress::step);
    this.path = GitPaths.integrationWorktree(repo, request.runId());
  }

  /**
   * Runs the merge. The run's finish removes the integration worktree, whether the merge succeeded
   * or not; a queue step that ends keeps it for the next step (checking out the whole tree and
   * removing it again were a fifth of a step's git work), which {@link IntegrationWorktree#recover}
   * and {@link IntegrationWorktree#adopt} bring to a known state first. Cleanup removes what a run
   * that never finished left.
   */
  MergeResult run() {
    MergeResult result;
    try {
      result = mergeCheckAndMove();
    } catch (RuntimeException e) {
      try {
        // After a cancellation the heartbeat throws; the cleanup must not be cut short by it.
        new Worktrees(main.uninterruptible(), () -> {}).remove(path);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    if (moveTarget) {
      // Only the worktree goes: the branch keeps the merged result for the report and for cleanup.
      worktrees.remove(path);
    }
    return result;
  }

  private MergeResult mergeCheckAndMove() {
    String target = request.target();
    String targetRef = "refs/heads/" + target;
    if (main.resolve(targetRef).isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The merge target " + target + " does not exist in " + repo, GitFailures.BRANCH_MISSING);
    }
    ExcludeFile.ensure(main.commonDir(), ExcludeFile.BRAID_ENTRIES);
    HubBranch hub =
        HubBranch.of(main, request.remote(), BraidNames.integrationBranch(request.runId()));
    Optional<String> onRemote = hub.fetch();
    worktrees.ensure(
        path, BraidNames.integrationBranch(request.runId()), onRemote.orElse(targetRef));
    GitCli integration = main.in(path);
    IntegrationWorktree.recover(integration);
    VerifiedHeads verified = new VerifiedHeads(main.commonDir(), request.setup(), request.checks());
    onRemote.ifPresent(commit -> IntegrationWorktree.adopt(integration, commit, verified));
    if (!moveTarget) {
      // The queue's integration branch holds merged work; it takes in a moved target, never resets.
      IntegrationWorktree.absorb(integration, main.resolve(targetRef).orElseThrow(), target);
      return mergeCheckAndKeep(integration, verified, hub);
    }
    IntegrationWorktree.catchUp(integration, main.resolve(targetRef).orElseThrow());

    BranchMerger.Merged merged =
        new BranchMerger(main, integration, request.remote(), progress)
            .mergeAll(request.branches());
    String head = integration.head();

    CommandSequence.Outcome checks = runChecks(head, main.resolve(targetRef).orElseThrow());
    boolean pushed = false;
    if (checks.succeeded()) {
      new TargetMover(main, worktrees, target, "braid: merge of run " + request.runId())
          .fastForward(head);
      progress.step();
      pushed = Pusher.push(main, request.remote(), target);
    } else {
      log.warn("Checks failed on the merged result; {} stays where it was", target);
    }
    return new MergeResult(
        merged.merged(),
        merged.conflicted(),
        checks.succeeded(),
        checks.succeeded() ? "" : checks.summary() + "\n" + checks.tail(),
        main.resolve(targetRef).orElseThrow(),
        pushed);
  }

  /**
   * The merge queue's step. The checks run on any head not verified before, so a step retried after
   * a crash between its merge and its checks still checks, unless its tree is one a step checked
   * ahead found passing (the same content, so the same checks); a failing result is backed out, so
   * the integration branch only ever holds work whose checks passed. A passing result is pushed to
   * the remote (when there is one), where the next step, on whichever host, starts from it.
   */
  private MergeResult mergeCheckAndKeep(GitCli integration, VerifiedHeads verified, HubBranch hub) {
    String before = integration.head();
    BranchMerger.Merged merged =
        new BranchMerger(main, integration, request.remote(), progress)
            .mergeAll(request.branches());
    String head = integration.head();
    boolean checkedAhead =
        !request.verifiedTrees().isEmpty()
            && request.verifiedTrees().contains(integration.tree(head));
    if (checkedAhead) {
      log.info("{} has the tree a step checked ahead found passing; not checked again", head);
    }
    CommandSequence.Outcome checks =
        verified.contains(head) || checkedAhead
            ? new CommandSequence.Outcome(true, "", "")
            : runChecks();
    if (checks.succeeded()) {
      verified.add(head);
      progress.step();
      // Recorded as verified first, so a retry after a refused or lost push does not check again.
      hub.push();
      return new MergeResult(merged.merged(), merged.conflicted(), true, "", head, false);
    }
    log.warn("Checks failed on the merged result; {} goes back to {}", path, before);
    integration.run("reset", "--hard", "--quiet", before);
    List<String> kept = merged.merged().stream().filter(b -> containedIn(b, before)).toList();
    return new MergeResult(
        kept, merged.conflicted(), false, checks.summary() + "\n" + checks.tail(), before, false);
  }

  private boolean containedIn(String branch, String commit) {
    return main.resolve("refs/heads/" + branch).map(c -> main.isAncestor(c, commit)).orElse(false);
  }

  /**
   * Runs the checks on the merged result. When the result adds nothing to the target there is
   * nothing to check: the target is unchanged, or is already this result, which passed the checks
   * before the target was moved to it. A result the merge queue checked is checked again: this is
   * the verification of the whole, which catches checks that pass once and not twice.
   */
  private CommandSequence.Outcome runChecks(String head, String targetCommit) {
    if (head.equals(targetCommit)) {
      return new CommandSequence.Outcome(true, "", "");
    }
    return runChecks();
  }

  /** Runs the setup and the checks in the integration worktree. */
  private CommandSequence.Outcome runChecks() {
    if (request.checks().isEmpty()) {
      return new CommandSequence.Outcome(true, "", "");
    }
    log.info("Running {} check(s) on the merged result in {}", request.checks().size(), path);
    // The integration worktree is new, so it needs the setup (such as `npm ci`) before the checks.
    return new CommandSequence(runner, progress)
        .run(
            request.setup(),
            request.checks(),
            path,
            Map.of("worktree", path.toString()),
            Map.of(),
            GitPaths.mergeChecksLog(repo, request.runId(), request.logRun()));
  }
}
