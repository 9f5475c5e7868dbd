package dev.braid.activities.git;

import dev.braid.activities.process.ProcessOutcome;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges task branches one by one into the integration worktree, each with a merge commit of its
 * own so the history shows which task brought what.
 */
final class BranchMerger {
  private static final Logger log = LoggerFactory.getLogger(BranchMerger.class);

  /**
   * What was merged.
   *
   * @param merged the branches the integration branch now contains, in the order asked
   * @param conflicted the branches left out because they conflicted
   */
  record Merged(List<String> merged, List<String> conflicted) {}

  private static final String HEADS = "refs/heads/";

  private final GitCli main;
  private final GitCli integration;
  private final String remote;
  private final ActivityProgress progress;

  BranchMerger(GitCli main, GitCli integration, String remote, ActivityProgress progress) {
    this.main = main;
    this.integration = integration;
    this.remote = remote;
    this.progress = progress;
  }

  /**
   * Merges each branch the integration branch does not contain yet. Idempotent: a branch already
   * contained, merged by an earlier attempt, is counted as merged without a second merge commit. A
   * conflicting merge is aborted at once and the next branch is tried; the worktree is never left
   * mid-merge.
   */
  Merged mergeAll(List<String> branches) {
    List<String> merged = new ArrayList<>();
    List<String> conflicted = new ArrayList<>();
    Map<String, String> refs = BranchHeads.refs(main, remote, new LinkedHashSet<>(branches));
    Set<String> contained = containedAlready(refs);
    for (String branch : new LinkedHashSet<>(branches)) {
      progress.step();
      if (contained.contains(branch)) {
        log.debug("{} is already merged", branch);
        merged.add(branch);
        continue;
      }
      String commit = commitOf(branch, refs.get(branch));
      // With two branches or more the one call above asked already; a branch contained since (an
      // ancestor of one merged before it) merges as "already up to date", with no commit.
      if (refs.size() < 2 && integration.isAncestor(commit, "HEAD")) {
        log.info("{} is already merged", branch);
        merged.add(branch);
      } else if (merge(branch, commit)) {
        log.info("Merged {}", branch);
        merged.add(branch);
      } else {
        log.warn("{} conflicts with the branches merged before it; leaving it out", branch);
        conflicted.add(branch);
      }
    }
    return new Merged(merged, conflicted);
  }

  /**
   * The local branches among these that the integration head contains already, asked of git in one
   * call instead of two per branch: the run's final merge passes every branch of the run, all of
   * them merged by the queue, and asking branch by branch cost two processes each (a 1,000-task run
   * ended with 2,000 of them). A branch contained now stays contained as others are merged after
   * it. One branch (a step of the queue) is left to the per-branch path, which asks as cheaply.
   */
  private Set<String> containedAlready(Map<String, String> refs) {
    if (refs.size() < 2) {
      return Set.of();
    }
    List<String> args =
        new ArrayList<>(List.of("for-each-ref", "--merged=HEAD", "--format=%(refname)"));
    args.addAll(refs.values());
    Set<String> mergedRefs =
        new HashSet<>(List.of(integration.run(args.toArray(String[]::new)).split("\n")));
    Set<String> contained = new HashSet<>();
    // A pattern also matches refs below it (refs/heads/a matches refs/heads/a/b): keep exact names.
    refs.forEach(
        (branch, ref) -> {
          if (mergedRefs.contains(ref)) {
            contained.add(branch);
          }
        });
    return contained;
  }

  /** Merges one branch; false when it conflicted and the merge was aborted. */
  private boolean merge(String branch, String commit) {
    List<String> args = new ArrayList<>(integration.identityOptions());
    args.addAll(
        List.of("merge", "--no-ff", "--no-edit", "--quiet", "-m", "Merge " + branch + " (braid)"));
    args.add(commit);
    ProcessOutcome outcome = integration.tryRun(args.toArray(String[]::new));
    if (outcome.succeeded()) {
      return true;
    }
    if (integration.resolve("MERGE_HEAD").isPresent()) {
      IntegrationWorktree.abortMerge(integration);
      return false;
    }
    throw new GitException(
        "git merge " + branch + " failed in " + integration.dir() + ": " + outcome.output().trim(),
        outcome.exitCode());
  }

  /** The commit of the branch's ref, the remote's when the task ran on another host. */
  private String commitOf(String branch, String ref) {
    return main.resolve(ref)
        .orElseThrow(
            () ->
                ApplicationFailure.newNonRetryableFailure(
                    "Branch "
                        + branch
                        + " exists neither in "
                        + main.dir()
                        + " nor on remote "
                        + remote,
                    GitFailures.BRANCH_MISSING));
  }
}
