package dev.braid.activities.git;

import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.MergeRequest;
import dev.braid.activity.SpeculationResult;
import dev.braid.workflow.BraidNames;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A merge step checked ahead, as merge queues check the next merge group on top of the running one:
 * the branches are merged on top of the integration branch in a detached worktree of their own and
 * the checks run there, while the running step checks in the integration worktree. Nothing moves:
 * no branch, no remote. What it leaves is the tree whose checks passed, which the step that merges
 * the same branches later compares with its own result.
 *
 * <p>The tree is all that is trusted, so where this starts cannot make a step skip checks it needs:
 * if the running step fails, or the integration branch is elsewhere when the step comes, the step's
 * tree differs and it checks as always.
 */
final class SpeculativeMerge {
  private static final Logger log = LoggerFactory.getLogger(SpeculativeMerge.class);

  private final MergeRequest request;
  private final ProcessRunner runner;
  private final ActivityProgress progress;
  private final Path repo;
  private final GitCli main;
  private final Worktrees worktrees;
  private final Path path;

  SpeculativeMerge(MergeRequest request, ProcessRunner runner, ActivityProgress progress) {
    this.request = request;
    this.runner = runner;
    this.progress = progress;
    this.repo = Path.of(request.repo()).toAbsolutePath().normalize();
    this.main = new GitCli(repo, runner, progress);
    this.worktrees = new Worktrees(main, progress::step);
    this.path = GitPaths.speculationWorktree(repo, request.runId(), request.branches());
  }

  /** Merges and checks, then removes the worktree, whatever happened. */
  SpeculationResult run() {
    try {
      return mergeAndCheck();
    } finally {
      // After a cancellation (the step ahead of it failed) the heartbeat throws; clean up anyway.
      new Worktrees(main.uninterruptible(), () -> {}).remove(path);
    }
  }

  private SpeculationResult mergeAndCheck() {
    String integrationBranch = BraidNames.integrationBranch(request.runId());
    String targetRef = "refs/heads/" + request.target();
    Optional<String> onRemote = HubBranch.of(main, request.remote(), integrationBranch).fetch();
    String base =
        onRemote
            .or(() -> main.resolve("refs/heads/" + integrationBranch))
            .or(() -> main.resolve(targetRef))
            .orElseThrow(() -> new GitException("no " + integrationBranch + " in " + repo, 1));
    ExcludeFile.ensure(main.commonDir(), ExcludeFile.BRAID_ENTRIES);
    worktrees.detached(path, base);
    GitCli ahead = main.in(path);
    // The step absorbs a moved target before merging; so does this, to reach the same tree.
    main.resolve(targetRef)
        .ifPresent(target -> IntegrationWorktree.absorb(ahead, target, request.target()));
    BranchMerger.Merged merged =
        new BranchMerger(main, ahead, request.remote(), progress).mergeAll(request.branches());
    String tree = ahead.tree("HEAD");
    if (!merged.conflicted().isEmpty()) {
      log.info("Checked ahead: {} conflicted; the step will find it", merged.conflicted());
      return new SpeculationResult(merged.merged(), merged.conflicted(), false, tree);
    }
    CommandSequence.Outcome checks = runChecks();
    log.info("Checked ahead {}: {}", request.branches(), checks.succeeded() ? "passed" : "failed");
    return new SpeculationResult(merged.merged(), merged.conflicted(), checks.succeeded(), tree);
  }

  private CommandSequence.Outcome runChecks() {
    if (request.checks().isEmpty()) {
      return new CommandSequence.Outcome(true, "", "");
    }
    return new CommandSequence(runner, progress)
        .run(
            request.setup(),
            request.checks(),
            path,
            Map.of("worktree", path.toString()),
            Map.of(),
            GitPaths.speculationChecksLog(
                repo, request.runId(), request.logRun(), request.branches()));
  }
}
