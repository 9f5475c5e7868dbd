package dev.braid.activities.git;

import dev.braid.activities.process.ProcessOutcome;
import dev.braid.activity.SyncResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Merges a task's base into its branch, in the task's own worktree, so that a conflict with work
 * merged before it can be resolved there, by a resolver agent or by a human.
 */
final class TaskSync {
  private final GitCli worktree;

  TaskSync(GitCli worktree) {
    this.worktree = worktree;
  }

  /**
   * Merges the base into the task branch. An integration branch is first fetched from {@code
   * remote} (see {@link IntegrationBase}), so the task takes in what the merge queue merged on any
   * host.
   *
   * <p>Idempotent: a base already contained changes nothing, and a merge already in progress (left
   * by an earlier try) is reported with its conflicts rather than started again.
   */
  SyncResult sync(String baseBranch, String remote) {
    if (worktree.resolve("MERGE_HEAD").isPresent()) {
      return new SyncResult(worktree.resolve("ORIG_HEAD").orElse(worktree.head()), conflicts());
    }
    String start = IntegrationBase.startPoint(worktree, remote, baseBranch);
    String base =
        worktree
            .resolve(start.equals(baseBranch) ? "refs/heads/" + baseBranch : start)
            .orElseThrow(
                () ->
                    new GitException(
                        "no branch " + baseBranch + " to bring " + worktree.dir() + " up to", 1));
    String head = worktree.head();
    if (worktree.isAncestor(base, head)) {
      return new SyncResult(head, List.of());
    }
    List<String> args = new ArrayList<>(worktree.identityOptions());
    args.addAll(
        List.of(
            "merge",
            "--no-ff",
            "--no-edit",
            "--quiet",
            "-m",
            "Merge " + baseBranch + " into the task (braid)",
            base));
    ProcessOutcome outcome = worktree.tryRun(args.toArray(String[]::new));
    if (outcome.succeeded()) {
      return new SyncResult(worktree.head(), List.of());
    }
    List<String> conflicts = conflicts();
    if (conflicts.isEmpty()) {
      throw new GitException(
          "git merge "
              + baseBranch
              + " failed in "
              + worktree.dir()
              + ": "
              + outcome.output().trim(),
          outcome.exitCode());
    }
    return new SyncResult(head, conflicts);
  }

  /** Abandons a merge in progress; nothing to do when there is none. */
  void abort() {
    if (worktree.resolve("MERGE_HEAD").isPresent()) {
      IntegrationWorktree.abortMerge(worktree);
    }
  }

  private List<String> conflicts() {
    String files = worktree.run("diff", "--name-only", "--diff-filter=U");
    return files.isBlank() ? List.of() : Arrays.asList(files.split("\n"));
  }
}
