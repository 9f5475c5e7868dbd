package dev.braid.activities.git;

import dev.braid.activities.process.ProcessOutcome;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the target branch to the checked integration head, only ever as a fast-forward. Where a
 * checkout has the target checked out, the move is a {@code merge --ff-only} in that checkout, so
 * its files follow and git itself refuses when the user's local changes would be overwritten;
 * elsewhere it is a compare-and-swap of the ref.
 */
final class TargetMover {
  private static final Logger log = LoggerFactory.getLogger(TargetMover.class);

  private final GitCli main;
  private final Worktrees worktrees;
  private final String target;
  private final String reason;

  /**
   * @param main git in the main checkout
   * @param worktrees the repository's worktrees, to find the checkout that has the target
   * @param target the branch to move
   * @param reason for the reflog
   */
  TargetMover(GitCli main, Worktrees worktrees, String target, String reason) {
    this.main = main;
    this.worktrees = worktrees;
    this.target = target;
    this.reason = reason;
  }

  /**
   * Fast-forwards the target to {@code head}. Idempotent: a target already there is left alone.
   *
   * @throws ApplicationFailure retryable {@link GitFailures#TARGET_MOVED} when the target moved so
   *     that it is no longer an ancestor of {@code head}; non-retryable {@link
   *     GitFailures#TARGET_NOT_FAST_FORWARD} when the checkout that has it refuses the fast-forward
   */
  void fastForward(String head) {
    String ref = "refs/heads/" + target;
    String old = main.resolve(ref).orElseThrow(() -> moved("it no longer exists"));
    if (old.equals(head)) {
      return;
    }
    if (!main.isAncestor(old, head)) {
      throw moved("it is now at " + old);
    }
    Optional<WorktreeEntry> holder = worktrees.list().holderOf(target);
    // Neither step may be cut short by a cancellation: each is quick, and half of one is worse.
    if (holder.isPresent()) {
      GitCli checkout = main.in(holder.get().path()).uninterruptible();
      ProcessOutcome outcome = checkout.tryRun("merge", "--ff-only", "--quiet", head);
      if (!outcome.succeeded()) {
        if (!old.equals(main.resolve(ref).orElse(""))) {
          throw moved("it moved while being fast-forwarded");
        }
        throw ApplicationFailure.newNonRetryableFailure(
            String.format(
                "Cannot fast-forward %s to %s in %s; nothing there was changed. Commit or stash"
                    + " the changes git names, then retry.%n%s",
                target, head, holder.get().path(), outcome.output().trim()),
            GitFailures.TARGET_NOT_FAST_FORWARD);
      }
      log.info("Fast-forwarded {} to {} in {}", target, head, holder.get().path());
      return;
    }
    ProcessOutcome outcome =
        main.uninterruptible().tryRun("update-ref", "-m", reason, ref, head, old);
    if (!outcome.succeeded()) {
      throw moved("updating it failed: " + outcome.output().trim());
    }
    log.info("Moved {} from {} to {}", target, old, head);
  }

  private ApplicationFailure moved(String how) {
    return ApplicationFailure.newFailure(
        String.format(
            "The target %s moved while its merge was checked (%s); the next attempt merges onto"
                + " it and checks again.",
            target, how),
        GitFailures.TARGET_MOVED);
  }
}
