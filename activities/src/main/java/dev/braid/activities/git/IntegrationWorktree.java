package dev.braid.activities.git;

import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worktree of a run's integration branch, where task branches are merged and checked before the
 * target moves. It is braid's own: nothing in it is uncommitted work of anybody's, so a crashed
 * attempt's leftovers there can be thrown away.
 */
final class IntegrationWorktree {
  private static final Logger log = LoggerFactory.getLogger(IntegrationWorktree.class);

  private IntegrationWorktree() {}

  /**
   * Brings a worktree an earlier attempt may have left behind to a clean state: a merge in progress
   * is aborted, and changes left by checks are discarded. Idempotent.
   */
  static void recover(GitCli integration) {
    if (integration.resolve("MERGE_HEAD").isPresent()) {
      log.warn(
          "{} was left mid-merge by an earlier attempt; aborting that merge", integration.dir());
      abortMerge(integration);
    }
    if (integration.dirty()) {
      log.warn("{} has changes an earlier attempt left; discarding them", integration.dir());
      integration.run("reset", "--hard", "--quiet");
      integration.run("clean", "-d", "--force", "--quiet");
    }
  }

  /**
   * Makes the integration branch contain the target's head. When the target has moved past the
   * branch, the branch fast-forwards; when the two have diverged (the target moved after an attempt
   * whose merges never reached it), the branch starts again from the target, and the merge that
   * follows redoes those merges from the task branches, which still hold all the work.
   */
  static void catchUp(GitCli integration, String targetCommit) {
    String head = integration.head();
    if (integration.isAncestor(targetCommit, head)) {
      return;
    }
    if (integration.isAncestor(head, targetCommit)) {
      integration.run("merge", "--ff-only", "--quiet", targetCommit);
      return;
    }
    log.warn(
        "The target ({}) and {} have diverged; the integration starts again from the target",
        targetCommit,
        integration.dir());
    integration.run("reset", "--hard", "--quiet", targetCommit);
  }

  /**
   * Makes the integration branch contain the target without losing merged work: a target that moved
   * past the branch is fast-forwarded to or merged in. Idempotent. A target whose new commits
   * conflict with merged work fails the step, for a human, and leaves nothing mid-merge.
   */
  static void absorb(GitCli integration, String targetCommit, String target) {
    if (integration.isAncestor(targetCommit, integration.head())) {
      return;
    }
    List<String> args = new ArrayList<>(integration.identityOptions());
    args.addAll(
        List.of(
            "merge", "--no-edit", "--quiet", "-m", "Merge " + target + " (braid)", targetCommit));
    if (!integration.tryRun(args.toArray(String[]::new)).succeeded()) {
      abortMerge(integration);
      throw ApplicationFailure.newNonRetryableFailure(
          target
              + " moved during the run and its new commits conflict with the merged tasks in "
              + integration.dir(),
          GitFailures.TARGET_NOT_FAST_FORWARD);
    }
  }

  /**
   * Brings the integration branch to the remote's commit, the hub's: every host's step starts from
   * what the last passing step pushed. A branch behind it fast-forwards. A branch ahead of it whose
   * head passed the checks here (an earlier try merged and checked, and died before its push) is
   * kept, and the step pushes it. Anything else this checkout has beyond the remote (a merge never
   * checked, or one another try redid and pushed) goes: it only ever merged task branches, which
   * still hold all their work, so the step merges them again as needed. Idempotent.
   */
  static void adopt(GitCli integration, String remoteCommit, VerifiedHeads verified) {
    String head = integration.head();
    if (head.equals(remoteCommit)) {
      return;
    }
    if (integration.isAncestor(head, remoteCommit)) {
      integration.run("merge", "--ff-only", "--quiet", remoteCommit);
      return;
    }
    if (integration.isAncestor(remoteCommit, head) && verified.contains(head)) {
      log.info("{} holds checked merges the remote lacks; they are pushed", integration.dir());
      return;
    }
    log.warn(
        "{} holds merges the remote's integration branch ({}) lacks and that were never checked;"
            + " starting again from the remote's",
        integration.dir(),
        remoteCommit);
    integration.run("reset", "--hard", "--quiet", remoteCommit);
  }

  /** Aborts the merge in progress, falling back on {@code reset --merge} when abort refuses. */
  static void abortMerge(GitCli git) {
    if (!git.tryRun("merge", "--abort").succeeded()) {
      git.run("reset", "--merge");
    }
  }
}
