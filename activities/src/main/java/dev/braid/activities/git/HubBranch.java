package dev.braid.activities.git;

import dev.braid.activities.process.ProcessOutcome;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's integration branch as the remote holds it. The remote is the hub: hosts with checkouts of
 * their own fetch the branch from it and push to it, so a merge step or a task's worktree can start
 * on any host. Only merge steps advance it, one at a time, and only ever forward: nothing here
 * forces a push. A repository without the remote (or a request that names none) keeps the branch
 * local, exactly as before: every method then does nothing.
 */
final class HubBranch {
  private static final Logger log = LoggerFactory.getLogger(HubBranch.class);

  private final GitCli main;
  private final String remote;
  private final String branch;

  private HubBranch(GitCli main, String remote, String branch) {
    this.main = main;
    this.remote = remote;
    this.branch = branch;
  }

  /**
   * The branch on {@code remote}; {@link #enabled()} is false when the remote is not named or this
   * repository has no such remote.
   */
  static HubBranch of(GitCli main, String remote, String branch) {
    boolean usable = remote != null && !remote.isBlank() && main.hasRemote(remote);
    return new HubBranch(main, usable ? remote : null, branch);
  }

  /** Whether there is a remote to share the branch through. */
  boolean enabled() {
    return remote != null;
  }

  /**
   * Fetches the remote's branch into {@code refs/remotes/<remote>/<branch>} (never into the local
   * branch, which a worktree may have checked out). Idempotent.
   *
   * @return the remote's commit; empty when there is no remote or the remote lacks the branch
   * @throws GitException (retryable) when the remote cannot be read
   */
  Optional<String> fetch() {
    if (!enabled()) {
      return Optional.empty();
    }
    String tracking = trackingRef();
    ProcessOutcome fetch =
        main.tryRun(
            "fetch",
            "--quiet",
            "--no-tags",
            "--no-write-fetch-head",
            remote,
            "+refs/heads/" + branch + ":" + tracking);
    if (fetch.succeeded()) {
      return main.resolve(tracking);
    }
    if (fetch.output().contains("couldn't find remote ref")) {
      return Optional.empty();
    }
    throw new GitException(
        "git fetch " + remote + " " + branch + " failed in " + main.dir() + ": " + fetch.output(),
        fetch.exitCode());
  }

  /**
   * Pushes the local branch to the remote, never forcing. Idempotent: pushing what the remote has
   * changes nothing.
   *
   * @throws ApplicationFailure retryable {@link GitFailures#INTEGRATION_MOVED} when the remote's
   *     branch moved to a commit the local one lacks (another try of a step pushed first); the
   *     retry fetches it and starts from there
   */
  void push() {
    if (!enabled()) {
      return;
    }
    String ref = "refs/heads/" + branch;
    ProcessOutcome outcome = main.tryRun("push", "--quiet", remote, ref + ":" + ref);
    if (outcome.succeeded()) {
      // Keep the tracking ref in step, so the next look at it on this host needs no fetch to agree.
      main.tryRun("update-ref", trackingRef(), ref);
      log.info("Pushed {} to {}", branch, remote);
      return;
    }
    String said = outcome.output().trim();
    if (said.contains("[rejected]")
        || said.contains("non-fast-forward")
        || said.contains("fetch first")) {
      throw ApplicationFailure.newFailure(
          String.format(
              "%s refused %s because its %s moved meanwhile; braid never force-pushes. The"
                  + " next try fetches it and merges on top.%n%s",
              remote, branch, branch, said),
          GitFailures.INTEGRATION_MOVED);
    }
    throw new GitException(
        "git push " + remote + " " + branch + " failed in " + main.dir() + ": " + said,
        outcome.exitCode());
  }

  private String trackingRef() {
    return "refs/remotes/" + remote + "/" + branch;
  }
}
