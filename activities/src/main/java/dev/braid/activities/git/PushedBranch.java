package dev.braid.activities.git;

import dev.braid.activities.process.ProcessOutcome;
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
}
