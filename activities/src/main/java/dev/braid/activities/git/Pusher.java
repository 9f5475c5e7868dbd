package dev.braid.activities.git;

import dev.braid.activities.process.ProcessOutcome;
import io.temporal.failure.ApplicationFailure;

/** Pushes one local branch to the same name on a remote, never forcing. */
final class Pusher {
  private Pusher() {}

  /**
   * Pushes the branch when the repository has the remote. Idempotent: pushing a branch the remote
   * already has at that commit changes nothing and still counts as pushed.
   *
   * @return false when there is no such remote, else true
   * @throws ApplicationFailure non-retryable {@link GitFailures#PUSH_REJECTED} when the remote
   *     branch has commits the local one lacks; a plain {@link GitException} (retryable) for
   *     anything else, such as a network error
   */
  static boolean push(GitCli git, String remote, String branch) {
    if (remote == null || remote.isBlank() || !git.hasRemote(remote)) {
      return false;
    }
    String ref = "refs/heads/" + branch;
    // From the main checkout: a remote whose URL is a relative path (git remote add origin
    // ../origin.git) means that path from there, not from a worktree's folder. Every worktree
    // shares the main checkout's branches, so the same ref is pushed.
    GitCli from = git.in(mainCheckout(git));
    ProcessOutcome outcome = from.tryRun("push", "--quiet", remote, ref + ":" + ref);
    if (outcome.succeeded()) {
      return true;
    }
    String said = outcome.output().trim();
    if (said.contains("[rejected]")
        || said.contains("non-fast-forward")
        || said.contains("fetch first")) {
      throw ApplicationFailure.newNonRetryableFailure(
          String.format(
              "%s refused %s because its %s has commits this one lacks; braid never"
                  + " force-pushes. Reconcile the two, then retry.%n%s",
              remote, branch, branch, said),
          GitFailures.PUSH_REJECTED);
    }
    if (said.contains("does not appear to be a git repository")) {
      // A remote that names no repository stays so on every retry: say it once, and let the
      // human fix the remote and retry the task.
      throw ApplicationFailure.newNonRetryableFailure(
          String.format(
              "%s is not a repository git can reach from %s: fix the remote (git remote -v),"
                  + " then retry.%n%s",
              remote, from.dir(), said),
          GitFailures.PUSH_REJECTED);
    }
    throw new GitException(
        "git push " + remote + " " + branch + " failed in " + from.dir() + ": " + said,
        outcome.exitCode());
  }

  /** The folder of the main checkout, whose {@code .git} is the common one; else the same dir. */
  private static java.nio.file.Path mainCheckout(GitCli git) {
    java.nio.file.Path common = git.commonDir();
    return common.getFileName() != null
            && common.getFileName().toString().equals(".git")
            && common.getParent() != null
        ? common.getParent()
        : git.dir();
  }
}
