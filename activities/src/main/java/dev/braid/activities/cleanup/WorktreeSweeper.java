package dev.braid.activities.cleanup;

import dev.braid.activities.git.GitCli;
import dev.braid.activities.process.ProcessOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes a linked worktree only when doing so loses nothing: no uncommitted change, and a head
 * that some branch still holds. It never forces a task's worktree away, and never touches a
 * directory that is not a worktree of this repository.
 */
final class WorktreeSweeper {
  private static final Logger log = LoggerFactory.getLogger(WorktreeSweeper.class);

  private final GitCli main;
  private final Path commonDir;

  WorktreeSweeper(GitCli main) {
    this.main = main;
    this.commonDir = main.commonDir();
  }

  /**
   * Removes the worktree when it is clean. Idempotent: a worktree already gone is {@link
   * Decision#ABSENT}; its stale registration, if any, goes with the final {@code git worktree
   * prune}.
   */
  Decision removeIfClean(Path path) {
    if (!isOurWorktree(path)) {
      return Decision.ABSENT;
    }
    GitCli tree = main.in(path);
    if (tree.dirty()) {
      return Decision.kept(
          "worktree "
              + path
              + " has uncommitted changes; commit or discard them, then run cleanup again");
    }
    if (tree.tryRun("symbolic-ref", "--quiet", "HEAD").exitCode() != 0
        && tree.run("for-each-ref", "--contains", "HEAD", "--count=1", "refs/heads").isEmpty()) {
      return Decision.kept(
          "worktree " + path + " has a detached HEAD with commits no branch holds");
    }
    return remove(path, false);
  }

  /**
   * Removes a worktree braid owns outright, such as a run's integration worktree: everything in it
   * is either committed on braid's own branch or output of the checks, which can be made again.
   */
  Decision removeOwn(Path path) {
    return isOurWorktree(path) ? remove(path, true) : Decision.ABSENT;
  }

  private Decision remove(Path path, boolean force) {
    ProcessOutcome outcome =
        force
            ? main.tryRun("worktree", "remove", "--force", path.toString())
            : main.tryRun("worktree", "remove", path.toString());
    if (!outcome.succeeded()) {
      // Git refuses a locked worktree, or one that changed since we looked; both keep the work.
      return Decision.kept("git would not remove " + path + ": " + outcome.output().trim());
    }
    log.info("Removed worktree {}", path);
    return Decision.DONE;
  }

  /**
   * Whether the path is a linked worktree of this repository. A directory that merely sits where a
   * worktree would is someone else's, and braid leaves it alone.
   */
  private boolean isOurWorktree(Path path) {
    if (!Files.exists(path.resolve(".git"))) {
      return false;
    }
    GitCli tree = main.in(path);
    ProcessOutcome top = tree.tryRun("rev-parse", "--show-toplevel");
    if (!top.succeeded() || !same(Path.of(top.output().trim()), path)) {
      log.warn("{} is not a git worktree; cleanup leaves it alone", path);
      return false;
    }
    if (!same(tree.commonDir(), commonDir)) {
      log.warn("{} is a checkout of another repository; cleanup leaves it alone", path);
      return false;
    }
    return true;
  }

  private static boolean same(Path a, Path b) {
    return RealPaths.of(a).equals(RealPaths.of(b));
  }
}
