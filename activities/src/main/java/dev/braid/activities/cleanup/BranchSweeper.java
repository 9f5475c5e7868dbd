package dev.braid.activities.cleanup;

import dev.braid.activities.git.GitCli;
import dev.braid.activities.process.ProcessOutcome;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a local branch only when the target contains every commit of it, so that no work can be
 * lost: never {@code git branch -D}.
 */
final class BranchSweeper {
  private static final Logger log = LoggerFactory.getLogger(BranchSweeper.class);

  private final GitCli main;
  private final String target;
  private final String targetRef;

  BranchSweeper(GitCli main, String target) {
    this.main = main;
    this.target = target;
    this.targetRef = "refs/heads/" + target;
  }

  /**
   * Deletes the branch when the target contains it. Idempotent: a branch already gone is reported
   * as absent, so a repeat changes nothing.
   */
  Decision deleteIfMerged(String branch) {
    String ref = "refs/heads/" + branch;
    Optional<String> commit = main.resolve(ref);
    if (commit.isEmpty()) {
      return Decision.ABSENT;
    }
    if (!main.isAncestor(commit.get(), targetRef)) {
      return Decision.kept(unmerged(main, commit.get(), targetRef, target));
    }
    ProcessOutcome deleted = main.tryRun("branch", "--delete", branch);
    if (!deleted.succeeded()
        && deleted.output().toLowerCase(Locale.ROOT).contains("not fully merged")) {
      // `branch -d` judges by the checked-out branch, which is not always the target. The target
      // contains the commit, checked above; the old value makes the delete a compare-and-swap, so
      // a commit added to the branch since is never lost.
      deleted = main.tryRun("update-ref", "-d", ref, commit.get());
    }
    if (!deleted.succeeded()) {
      return Decision.kept("git would not delete it: " + deleted.output().trim());
    }
    log.info("Deleted branch {} (was {}), merged into {}", branch, commit.get(), target);
    return Decision.DONE;
  }

  /** "has N unmerged commits (not in target)". */
  static String unmerged(GitCli git, String commit, String targetRef, String target) {
    String count = git.run("rev-list", "--count", targetRef + ".." + commit);
    return "has "
        + count
        + " unmerged commit"
        + ("1".equals(count) ? "" : "s")
        + " (not in "
        + target
        + ")";
  }
}
