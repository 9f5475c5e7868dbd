package dev.braid.activities.github;

import dev.braid.activities.git.GitCli;
import dev.braid.activities.git.GitException;
import dev.braid.activities.git.GitFailures;
import dev.braid.activities.process.ProcessOutcome;
import dev.braid.activity.BranchUpdateRequest;
import dev.braid.activity.BranchUpdateResult;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Brings a pull request's branch up to its base as GitHub has it, in the task's worktree, and
 * pushes it without force; see {@link dev.braid.activity.GitHubFlowActivities#bringUpToDate}.
 */
final class PullRequestBranchUpdate {
  private final GitCli git;

  PullRequestBranchUpdate(GitCli worktree) {
    this.git = worktree;
  }

  BranchUpdateResult update(BranchUpdateRequest r) {
    if (git.resolve("MERGE_HEAD").isPresent()) {
      // An earlier try left a conflict for a resolver: report it, never start over on top of it.
      return new BranchUpdateResult(
          git.resolve("ORIG_HEAD").orElse(git.head()), false, false, conflicts());
    }
    String checkedOut = git.run("rev-parse", "--abbrev-ref", "HEAD");
    if (!checkedOut.equals(r.branch())) {
      throw ApplicationFailure.newNonRetryableFailure(
          git.dir() + " has " + checkedOut + " checked out, not " + r.branch(),
          GitFailures.BRANCH_MISSING);
    }
    String base =
        fetch(r.remote(), r.base())
            .orElseThrow(
                () ->
                    ApplicationFailure.newNonRetryableFailure(
                        r.remote()
                            + " has no branch "
                            + r.base()
                            + " to bring "
                            + r.branch()
                            + " up to",
                        GitFailures.BRANCH_MISSING));
    Optional<String> remoteBranch = fetch(r.remote(), r.branch());
    boolean merged = false;
    if (remoteBranch.isPresent() && !git.isAncestor(remoteBranch.get(), git.head())) {
      // Someone pushed to the pull request's branch: take their commits in, never drop them.
      String before = git.head();
      if (git.isAncestor(before, remoteBranch.get())) {
        git.run("merge", "--ff-only", "--quiet", remoteBranch.get());
      } else {
        List<String> conflicts =
            merge(remoteBranch.get(), "Merge " + r.remote() + "/" + r.branch() + " (braid)");
        if (!conflicts.isEmpty()) {
          return new BranchUpdateResult(before, false, false, conflicts);
        }
        merged = true;
      }
    }
    if (!git.isAncestor(base, git.head())) {
      String before = git.head();
      List<String> conflicts =
          merge(base, "Merge " + r.base() + " into " + r.branch() + " (braid)");
      if (!conflicts.isEmpty()) {
        return new BranchUpdateResult(before, false, false, conflicts);
      }
      merged = true;
    }
    String head = git.head();
    if (remoteBranch.isPresent() && remoteBranch.get().equals(head)) {
      return new BranchUpdateResult(head, merged, false, List.of());
    }
    String ref = "refs/heads/" + r.branch();
    ProcessOutcome push = git.tryRun("push", "--quiet", r.remote(), ref + ":" + ref);
    if (!push.succeeded()) {
      // Retryable on purpose: the branch moved since the fetch, and the next try takes it in.
      throw new GitException(
          "git push "
              + r.remote()
              + " "
              + r.branch()
              + " failed in "
              + git.dir()
              + ": "
              + push.output().trim(),
          push.exitCode());
    }
    return new BranchUpdateResult(head, merged, true, List.of());
  }

  /** Fetches a branch into its remote-tracking ref; empty when the remote has no such branch. */
  private Optional<String> fetch(String remote, String branch) {
    String tracking = "refs/remotes/" + remote + "/" + branch;
    ProcessOutcome outcome =
        git.tryRun("fetch", "--quiet", remote, "+refs/heads/" + branch + ":" + tracking);
    if (!outcome.succeeded()) {
      if (outcome.output().contains("couldn't find remote ref")) {
        return Optional.empty();
      }
      throw new GitException(
          "git fetch "
              + remote
              + " "
              + branch
              + " failed in "
              + git.dir()
              + ": "
              + outcome.output().trim(),
          outcome.exitCode());
    }
    return git.resolve(tracking);
  }

  /** Merges with a merge commit; the conflicting files, left in the worktree, when it conflicts. */
  private List<String> merge(String commit, String message) {
    List<String> args = new ArrayList<>(git.identityOptions());
    args.addAll(List.of("merge", "--no-ff", "--no-edit", "--quiet", "-m", message, commit));
    ProcessOutcome outcome = git.tryRun(args.toArray(String[]::new));
    if (outcome.succeeded()) {
      return List.of();
    }
    List<String> conflicts = conflicts();
    if (conflicts.isEmpty()) {
      throw new GitException(
          "git merge failed in " + git.dir() + ": " + outcome.output().trim(), outcome.exitCode());
    }
    return conflicts;
  }

  private List<String> conflicts() {
    String files = git.run("diff", "--name-only", "--diff-filter=U");
    return files.isBlank() ? List.of() : Arrays.asList(files.split("\n"));
  }
}
