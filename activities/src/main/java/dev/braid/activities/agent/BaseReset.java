package dev.braid.activities.agent;

import dev.braid.activities.git.GitCli;
import dev.braid.activities.process.Heartbeat;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activities.process.ProcessSpec;
import dev.braid.activities.secrets.ChildKind;
import dev.braid.activity.AttemptFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a task's worktree back at its base commit, clean, for {@code onRetry: reset}, without losing
 * what the failed attempt did: its leftovers are committed and its head is kept under {@code
 * refs/braid/attempts/<task>/<attempt>}, where a human (or {@code git log}) can still reach it.
 *
 * <p>Ignored files stay, because they are usually build outputs that are slow to remake and hold no
 * work of the agent's ({@code git clean -fd}, not {@code -fdx}).
 */
final class BaseReset {
  /** Where the heads of reset attempts are kept. */
  static final String REF_PREFIX = "refs/braid/attempts/";

  private static final Logger log = LoggerFactory.getLogger(BaseReset.class);
  private static final Duration STALE_CHECK = Duration.ofMinutes(1);

  private final ProcessRunner runner;
  private final GitCli git;
  private final AttemptState state;
  private final String taskId;

  BaseReset(ProcessRunner runner, GitCli git, AttemptState state, String taskId) {
    this.runner = runner;
    this.git = git;
    this.state = state;
    this.taskId = taskId;
  }

  /**
   * Resets the worktree to {@code base} after saving the work of attempt {@code previous}.
   *
   * <p>Idempotent: a worktree already clean at the base is left alone; committing a clean tree is a
   * no-op; a ref that already holds the head is kept, one whose commit the head contains is moved
   * forward, and one that holds other work is never overwritten (the head then goes to {@code
   * <attempt>-2}, {@code -3}, ...).
   *
   * @param previousTier the tier of attempt {@code previous}, for its commit message
   * @return the ref that now holds the saved work, or empty when there was nothing to save
   */
  Optional<String> reset(String base, int previous, String previousTier) throws IOException {
    String baseCommit =
        (base == null ? Optional.<String>empty() : git.resolve(base))
            .orElseThrow(
                () ->
                    Failures.nonRetryable(
                        "cannot start attempt "
                            + (previous + 1)
                            + " of task "
                            + taskId
                            + " from its base: base commit "
                            + base
                            + " does not exist in "
                            + git.dir(),
                        AttemptFailure.WORKTREE_FAILED));
    killStaleAgent();
    git.clearStaleIndexLock();
    if (git.head().equals(baseCommit) && !git.dirty()) {
      log.info("task {}: worktree already clean at base {}", taskId, abbrev(baseCommit));
      return Optional.empty();
    }
    git.commitAll(AttemptMessages.commit(taskId, previous, previousTier));
    String head = git.head();
    String ref = save(head, previous);
    git.run("reset", "--hard", "--quiet", baseCommit);
    git.run("clean", "-fd", "--quiet");
    log.info(
        "task {}: attempt {}'s work saved as {} at {}; worktree reset to base {}",
        taskId,
        previous,
        ref,
        abbrev(head),
        abbrev(baseCommit));
    return Optional.of(ref);
  }

  /** Points a ref for attempt {@code previous} at {@code head}, never dropping another commit. */
  private String save(String head, int previous) {
    // Task ids are already valid in branch names (feature/<id>), so they are valid here too.
    String name = REF_PREFIX + taskId + "/" + previous;
    for (int k = 1; ; k++) {
      String ref = k == 1 ? name : name + "-" + k;
      Optional<String> existing = git.resolve(ref);
      if (existing.isEmpty()) {
        // An empty old value makes git refuse if another process created the ref meanwhile.
        git.run("update-ref", ref, head, "");
        return ref;
      }
      if (existing.get().equals(head)) {
        return ref;
      }
      if (git.isAncestor(existing.get(), head)) {
        git.run("update-ref", ref, head, existing.get());
        return ref;
      }
    }
  }

  /**
   * Kills the agent or check a crashed worker may have left running in this worktree, before the
   * files change under it. The runner kills the group recorded in the pid file before it starts a
   * process, so starting a trivial one with that pid file does it.
   */
  private void killStaleAgent() throws IOException {
    runner.run(
        new ProcessSpec(
            List.of("git", "rev-parse", "HEAD"),
            git.dir(),
            Map.of(),
            null,
            STALE_CHECK,
            state.pidFile(),
            ChildKind.GIT),
        Heartbeat.NONE);
  }

  private static String abbrev(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }
}
