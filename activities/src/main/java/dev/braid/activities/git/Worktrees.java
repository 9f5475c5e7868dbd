package dev.braid.activities.git;

import dev.braid.activity.AttemptFailure;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, finds and removes linked worktrees of one repository through the git CLI (JGit cannot
 * manage linked worktrees). It never deletes or resets a branch, and never deletes a directory it
 * did not register, so no work can be lost through it.
 */
final class Worktrees {
  private static final Logger log = LoggerFactory.getLogger(Worktrees.class);

  private final GitCli main;
  private final Runnable whileWaiting;

  /**
   * @param main git in the main checkout
   * @param whileWaiting called while another task holds the repository's {@link WorktreeLock}
   */
  Worktrees(GitCli main, Runnable whileWaiting) {
    this.main = main;
    this.whileWaiting = whileWaiting;
  }

  /** The registered worktrees, read while no other braid call changes them. */
  WorktreeList list() {
    return locked(() -> WorktreeList.read(main));
  }

  /**
   * Makes {@code path} a worktree with {@code branch} checked out. Idempotent: a worktree already
   * there on that branch is reused as it is; a branch whose worktree directory was deleted gets a
   * new worktree on its existing commits; only a branch that does not exist is created, from {@code
   * startPoint}.
   *
   * @throws ApplicationFailure non-retryable {@link AttemptFailure#WORKTREE_FAILED} when the branch
   *     is checked out elsewhere, when something else occupies the path, or when the start point
   *     does not exist
   */
  void ensure(Path path, String branch, String startPoint) {
    locked(
        () -> {
          ensureLocked(path, branch, startPoint);
          return null;
        });
  }

  private void ensureLocked(Path path, String branch, String startPoint) {
    WorktreeList list = WorktreeList.read(main);
    Optional<WorktreeEntry> holder = list.holderOf(branch);
    if (holder.isPresent()) {
      Path at = holder.get().path();
      if (GitPaths.canonical(at).equals(GitPaths.canonical(path))) {
        log.info("Reusing worktree {} on {}", path, branch);
        return;
      }
      throw failure(
          String.format(
              "Branch %s is already checked out in %s, so it cannot have a worktree at %s."
                  + " Check out another branch there, or remove that worktree.",
              branch, at, path));
    }
    Optional<WorktreeEntry> occupant = list.at(path);
    if (occupant.isPresent()) {
      String what = occupant.get().branch() == null ? "a detached HEAD" : occupant.get().branch();
      throw failure(
          String.format(
              "%s is already a worktree, on %s rather than %s."
                  + " Remove it with `git worktree remove` once its work is safe.",
              path, what, branch));
    }
    if (!GitPaths.vacant(path)) {
      throw failure(
          String.format(
              "%s exists and is not a worktree of %s. braid never deletes it: move it away,"
                  + " then retry.",
              path, branch));
    }
    // A registration whose directory is gone would make `worktree add` refuse the branch or path.
    // Only then is there anything to prune: the call runs under the lock that serialises every
    // task's start, so a needless one delays all the tasks starting behind it.
    if (list.anyGone()) {
      main.run("worktree", "prune");
    }
    if (main.resolve("refs/heads/" + branch).isPresent()) {
      log.info("Adding worktree {} on existing branch {}", path, branch);
      main.run("worktree", "add", path.toString(), branch);
      return;
    }
    if (main.resolve(startPoint).isEmpty()) {
      throw failure("Cannot create " + branch + ": its base " + startPoint + " does not exist.");
    }
    log.info("Adding worktree {} on new branch {} from {}", path, branch, startPoint);
    main.run("worktree", "add", "-b", branch, path.toString(), startPoint);
  }

  /**
   * Makes {@code path} a new worktree with a detached HEAD at {@code commit}, for work that moves
   * no branch. Idempotent: a worktree an earlier try left there is removed first and made again,
   * since nothing in it is kept.
   */
  void detached(Path path, String commit) {
    locked(
        () -> {
          WorktreeList list = WorktreeList.read(main);
          if (list.at(path).isPresent()) {
            main.run("worktree", "remove", "--force", path.toString());
          }
          if (list.anyGone()) {
            main.run("worktree", "prune");
          }
          return main.run("worktree", "add", "--detach", "--quiet", path.toString(), commit);
        });
  }

  /**
   * Removes the worktree at {@code path}, discarding what it holds but keeping its branch.
   * Idempotent: a worktree already gone is fine. Only for braid's own worktrees whose content is
   * committed, such as the integration worktree.
   */
  void remove(Path path) {
    locked(
        () -> {
          if (WorktreeList.read(main).at(path).isPresent()) {
            main.run("worktree", "remove", "--force", path.toString());
          }
          return main.run("worktree", "prune");
        });
  }

  private <T> T locked(Supplier<T> action) {
    return WorktreeLock.holding(main.commonDir(), whileWaiting, action);
  }

  private static ApplicationFailure failure(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, AttemptFailure.WORKTREE_FAILED);
  }
}
