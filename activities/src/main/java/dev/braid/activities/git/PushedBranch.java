package dev.braid.activities.git;

import dev.braid.activities.process.ProcessOutcome;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's branch as its last host pushed it. When a task is prepared again on a host whose
 * checkout lacks the branch, the pushed one is fetched, so what was pushed is kept and only what
 * was not is redone.
 */
final class PushedBranch {
  private static final Logger log = LoggerFactory.getLogger(PushedBranch.class);

  private PushedBranch() {}

  /**
   * Fetches {@code branch} from {@code remote} into the same local branch, unless it exists
   * locally, there is no such remote, or the remote lacks it. Idempotent: once fetched, the local
   * branch exists and nothing more is done.
   */
  static void fetchIfMissing(GitCli main, String remote, String branch) {
    String ref = "refs/heads/" + branch;
    if (remote == null
        || remote.isBlank()
        || main.resolve(ref).isPresent()
        || !main.hasRemote(remote)) {
      return;
    }
    ProcessOutcome fetch = main.tryRun("fetch", "--quiet", remote, ref + ":" + ref);
    if (fetch.succeeded()) {
      log.info("Fetched {} from {}: the task goes on from its pushed work", branch, remote);
    } else if (!fetch.output().contains("couldn't find remote ref")) {
      // A remote that is down must not stop the task: it starts from its base, as a new task does.
      log.warn("Could not fetch {} from {}: {}", branch, remote, fetch.output().trim());
    }
  }

  /**
   * Brings a task's worktree up to the branch its last host pushed, when this checkout's branch is
   * behind it: the task came back to a host that held it before, and went on elsewhere meanwhile.
   * Only a fast-forward of a clean worktree: a branch with commits of its own, or a worktree with
   * uncommitted changes, is left as it is (its push will say so). Idempotent: once caught up, the
   * branches are equal and nothing is done.
   */
  static void catchUp(GitCli main, Path worktree, String remote, String branch) {
    if (remote == null || remote.isBlank() || !main.hasRemote(remote)) {
      return;
    }
    String ref = "refs/heads/" + branch;
    String pushedRef = "refs/braid/pushed/" + branch;
    if (!main.tryRun("fetch", "--quiet", remote, "+" + ref + ":" + pushedRef).succeeded()) {
      return; // the remote lacks it, or is down: go on from what this checkout has
    }
    Optional<String> local = main.resolve(ref);
    Optional<String> pushed = main.resolve(pushedRef);
    if (local.isEmpty() || pushed.isEmpty() || local.get().equals(pushed.get())) {
      return;
    }
    if (!main.tryRun("merge-base", "--is-ancestor", local.get(), pushed.get()).succeeded()) {
      return;
    }
    GitCli here = main.in(worktree);
    if (!here.run("status", "--porcelain").isBlank()) {
      log.warn("{} is behind {}'s, but its worktree has uncommitted changes: kept", branch, remote);
      return;
    }
    here.run("merge", "--ff-only", "--quiet", pushed.get());
    log.info("Brought {} up to {}'s: the task went on elsewhere meanwhile", branch, remote);
  }
}
