package dev.braid.activities.git;

import dev.braid.activities.process.Heartbeat;
import dev.braid.activities.process.ProcessOutcome;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activities.process.ProcessSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The git command line, in one directory. braid uses the CLI rather than JGit for everything that
 * changes a repository, because JGit cannot manage linked worktrees and because the CLI honours the
 * user's hooks and configuration exactly as their own git does.
 */
public final class GitCli {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private final Path dir;
  private final ProcessRunner runner;
  private final Heartbeat heartbeat;
  private volatile Path commonDir;
  private volatile List<String> identity;

  public GitCli(Path dir) {
    this(dir, new ProcessRunner());
  }

  public GitCli(Path dir, ProcessRunner runner) {
    this(dir, runner, Heartbeat.NONE);
  }

  /**
   * @param heartbeat called while a slow git command (a push, a big merge) runs, so the activity
   *     stays alive and can be cancelled
   */
  public GitCli(Path dir, ProcessRunner runner, Heartbeat heartbeat) {
    this.dir = dir;
    this.runner = runner;
    this.heartbeat = heartbeat;
  }

  /** The same git, with the same runner and heartbeat, in another directory. */
  public GitCli in(Path other) {
    return new GitCli(other, runner, heartbeat);
  }

  /**
   * The same git without a heartbeat, for a step that must never be interrupted halfway, such as
   * moving the branch a user's checkout has checked out.
   */
  public GitCli uninterruptible() {
    return new GitCli(dir, runner, Heartbeat.NONE);
  }

  /** The directory git runs in. */
  public Path dir() {
    return dir;
  }

  /** Runs git and returns its trimmed output; throws when it exits non-zero. */
  public String run(String... args) {
    ProcessOutcome outcome = exec(List.of(args));
    if (!outcome.succeeded()) {
      throw new GitException(
          "git " + String.join(" ", args) + " failed in " + dir + ": " + outcome.output().trim(),
          outcome.exitCode());
    }
    return outcome.output().trim();
  }

  /** Runs git and returns how it ended, without throwing on a non-zero exit. */
  public ProcessOutcome tryRun(String... args) {
    return exec(List.of(args));
  }

  /** The commit a revision names, if it exists. */
  public Optional<String> resolve(String revision) {
    ProcessOutcome outcome =
        exec(List.of("rev-parse", "--verify", "--quiet", revision + "^{commit}"));
    return outcome.succeeded() ? Optional.of(outcome.output().trim()) : Optional.empty();
  }

  /** The git tree a commit records: equal trees are equal content, whoever merged them. */
  public String tree(String commit) {
    return run("rev-parse", commit + "^{tree}");
  }

  /** The current commit. */
  public String head() {
    return run("rev-parse", "HEAD");
  }

  /** Whether the working tree has changes, tracked or untracked (ignored files do not count). */
  public boolean dirty() {
    return !run("status", "--porcelain", "--untracked-files=all").isEmpty();
  }

  /**
   * Commits everything in the working tree, untracked files included, when there is anything.
   *
   * @return the new head, or empty when there was nothing to commit
   */
  public Optional<String> commitAll(String message) {
    if (!dirty()) {
      return Optional.empty();
    }
    run("add", "--all");
    List<String> commit = new ArrayList<>(identityOptions());
    commit.addAll(List.of("commit", "--quiet", "--no-verify", "-m", message));
    run(commit.toArray(String[]::new));
    return Optional.of(head());
  }

  /**
   * Whether {@code ancestor} is an ancestor of, or the same commit as, {@code descendant}.
   *
   * @throws GitException when either revision does not exist
   */
  public boolean isAncestor(String ancestor, String descendant) {
    ProcessOutcome outcome = exec(List.of("merge-base", "--is-ancestor", ancestor, descendant));
    if (outcome.exitCode() == 0 || outcome.exitCode() == 1) {
      return outcome.exitCode() == 0;
    }
    throw new GitException(
        String.format(
            "git merge-base --is-ancestor %s %s failed in %s: %s",
            ancestor, descendant, dir, outcome.output().trim()),
        outcome.exitCode());
  }

  /** This checkout's own git directory, absolute; for a linked worktree, its private one. */
  public Path gitDir() {
    return dir.resolve(run("rev-parse", "--absolute-git-dir"));
  }

  /**
   * Removes this worktree's {@code index.lock} if a killed git left it, that is, if no process
   * works in the worktree. Only for braid's own worktrees: in a user's checkout a lock may belong
   * to a git the user is running from elsewhere.
   *
   * @return whether a stale lock was removed
   */
  public boolean clearStaleIndexLock() {
    try {
      return StaleIndexLock.clear(gitDir(), dir);
    } catch (IOException e) {
      throw new GitException("cannot check " + gitDir().resolve("index.lock") + ": " + e, 1);
    }
  }

  /**
   * The git directory all worktrees share, absolute: where refs, config and info/ live. Asked of
   * git once per instance: it cannot change while one activity uses the checkout, and the merge
   * queue's step asks for it four times (the exclude file, the worktree lock twice, the verified
   * heads).
   */
  public Path commonDir() {
    Path known = commonDir;
    if (known == null) {
      known = dir.resolve(run("rev-parse", "--git-common-dir")).normalize();
      commonDir = known;
    }
    return known;
  }

  /**
   * The {@code -c user.name=... -c user.email=...} options to put before a command that commits:
   * the user's configured identity when there is one, else braid's own, so that commits never fail
   * for want of an identity.
   */
  public List<String> identityOptions() {
    // Asked once per instance, like the common dir: a queue step merging a batch asked twice a
    // merge.
    List<String> known = identity;
    if (known == null) {
      known =
          List.of(
              "-c", "user.name=" + identity("user.name", "braid"),
              "-c", "user.email=" + identity("user.email", "braid@localhost"));
      identity = known;
    }
    return known;
  }

  /** Whether the repository has this remote. */
  public boolean hasRemote(String name) {
    return List.of(run("remote").split("\n")).contains(name);
  }

  private String identity(String key, String fallback) {
    ProcessOutcome outcome = exec(List.of("config", "--get", key));
    String value = outcome.output().trim();
    return outcome.succeeded() && !value.isEmpty() ? value : fallback;
  }

  private ProcessOutcome exec(List<String> args) {
    List<String> argv = new ArrayList<>();
    argv.add("git");
    argv.addAll(args);
    try {
      return runner.run(ProcessSpec.captured(argv, dir, TIMEOUT), heartbeat);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run git in " + dir, e);
    }
  }
}
