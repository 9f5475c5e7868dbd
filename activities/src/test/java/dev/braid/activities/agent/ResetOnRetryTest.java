package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.AttemptFailure;
import dev.braid.activity.AttemptRequest;
import dev.braid.activity.AttemptResult;
import dev.braid.config.AgentTier;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onRetry: reset}: a retry starts from the base, and the failed attempt stays reachable. */
class ResetOnRetryTest {
  private static final ProcessRunner RUNNER =
      new ProcessRunner(Duration.ofMillis(500), Duration.ofMillis(100));
  private static final String SAVED = "refs/braid/attempts/task-1/1";

  @TempDir Path root;
  private GitFixture fx;
  private String base;
  private Path seen;

  @BeforeEach
  void setUp() throws Exception {
    fx = new GitFixture(root, "task-1");
    base = fx.git("rev-parse", "HEAD");
    seen = root.resolve("seen");
  }

  /**
   * An agent whose first attempt writes {@code first.txt}, an ignored cache file, and exits 3; a
   * later attempt records whether it found {@code first.txt}, then writes {@code second.txt}.
   */
  private Path agent() throws Exception {
    return GitFixture.script(
        root.resolve("bin/agent"),
        "if [ \"$BRAID_ATTEMPT\" = 1 ]; then\n"
            + "  echo draft > first.txt; mkdir -p .parallel; echo cache > .parallel/cache\n"
            + "  exit 3\n"
            + "fi\n"
            + "if [ -e first.txt ]; then echo kept > "
            + seen
            + "; else echo gone > "
            + seen
            + "; fi\n"
            + "echo final > second.txt");
  }

  private AttemptRequest request(Path agent, boolean reset, List<List<String>> checks) {
    return new AttemptRequest(
        "run-1",
        fx.taskId,
        fx.repo.toString(),
        fx.worktree.toString(),
        fx.taskFile.toString(),
        new AgentTier("fast", List.of(agent.toString()), 2, 60, 1),
        0,
        checks,
        null,
        base,
        reset);
  }

  private static AttemptResult attempt(int activityAttempt, AttemptRequest r) {
    return new AgentActivitiesImpl(RUNNER, () -> new FakeAttemptContext(activityAttempt))
        .attempt(r);
  }

  private static ApplicationFailure failure(int activityAttempt, AttemptRequest r) {
    return assertThrows(ApplicationFailure.class, () -> attempt(activityAttempt, r));
  }

  @Test
  void aRetryStartsFromTheBaseAndTheFailedWorkIsSavedAsARef() throws Exception {
    AttemptRequest r = request(agent(), true, List.of());
    assertEquals(AttemptFailure.AGENT_FAILED, failure(1, r).getType());
    assertTrue(Files.exists(fx.worktree.resolve("first.txt")), "the first attempt's work is left");

    AttemptResult second = attempt(2, r);

    assertEquals("gone", Files.readString(seen).strip(), "attempt 2 started without first.txt");
    assertFalse(Files.exists(fx.worktree.resolve("first.txt")));
    assertEquals("draft", fx.git("show", SAVED + ":first.txt"), "the failed work is reachable");
    assertEquals("braid: task-1 attempt 1 (fast)", fx.git("log", "-1", "--format=%s", SAVED));
    assertEquals(base, fx.git("rev-parse", SAVED + "^"), "the saved work sits on the base");
    assertEquals(
        base, fx.git("rev-parse", second.headCommit() + "^"), "attempt 2 built on the base alone");
    assertEquals("final", fx.git("show", second.headCommit() + ":second.txt"));
    assertEquals(
        "cache",
        Files.readString(fx.worktree.resolve(".parallel/cache")).strip(),
        "ignored files (build outputs) are not cleaned");
  }

  @Test
  void withoutResetTheRetryKeepsTheFailedWork() throws Exception {
    AttemptRequest r = request(agent(), false, List.of());
    failure(1, r);

    AttemptResult second = attempt(2, r);

    assertEquals("kept", Files.readString(seen).strip());
    assertEquals("draft", fx.git("show", second.headCommit() + ":first.txt"));
    assertEquals("", fx.git("for-each-ref", "refs/braid/"), "nothing is saved aside");
  }

  @Test
  void aCommittedAttemptWhoseChecksFailedIsSavedAtItsCommit() throws Exception {
    Path agent = GitFixture.script(root.resolve("bin/agent"), "echo $BRAID_ATTEMPT >> n.txt");
    AttemptRequest r =
        request(agent, true, List.of(List.of("bash", "-c", "test \"$BRAID_ATTEMPT\" = 2")));
    assertEquals(AttemptFailure.CHECKS_FAILED, failure(1, r).getType());
    String failedHead = fx.git("rev-parse", "HEAD");

    AttemptResult second = attempt(2, r);

    assertEquals(failedHead, fx.git("rev-parse", SAVED));
    assertEquals("2", fx.git("show", second.headCommit() + ":n.txt"), "attempt 1's line is gone");
  }

  @Test
  void aSavedRefIsNeverOverwrittenWithOtherWork() throws Exception {
    // A ref left by an earlier run of the same task, holding work that is not in this branch.
    GitFixture.git(fx.repo, "checkout", "-q", "-b", "elsewhere");
    Files.writeString(fx.repo.resolve("old.txt"), "old\n");
    GitFixture.git(fx.repo, "add", "old.txt");
    GitFixture.git(fx.repo, "commit", "-q", "-m", "old work");
    String old = GitFixture.git(fx.repo, "rev-parse", "HEAD");
    GitFixture.git(fx.repo, "update-ref", SAVED, old);

    AttemptRequest r = request(agent(), true, List.of());
    failure(1, r);
    attempt(2, r);

    assertEquals(old, fx.git("rev-parse", SAVED), "the earlier ref is untouched");
    assertEquals("draft", fx.git("show", SAVED + "-2:first.txt"), "the new work has its own ref");
  }

  @Test
  void aCleanWorktreeAtTheBaseSavesNothing() throws Exception {
    Path agent =
        GitFixture.script(
            root.resolve("bin/agent"), "[ \"$BRAID_ATTEMPT\" = 1 ] && exit 1\necho ok > ok.txt");
    AttemptRequest r = request(agent, true, List.of());
    failure(1, r);

    attempt(2, r);

    assertEquals("", fx.git("for-each-ref", "refs/braid/"));
  }

  @Test
  void aFirstAttemptOfALaterTierResetsToo() throws Exception {
    AttemptRequest r = request(agent(), true, List.of());
    failure(1, r);
    AttemptRequest strong =
        new AttemptRequest(
            r.runId(),
            r.taskId(),
            r.repo(),
            r.worktree(),
            r.taskFile(),
            new AgentTier("strong", r.tier().command(), 1, 60, 1),
            1,
            r.checks(),
            null,
            base,
            true);

    attempt(1, strong);

    assertEquals("gone", Files.readString(seen).strip());
    assertEquals(
        "braid: task-1 attempt 1 (earlier tier)", fx.git("log", "-1", "--format=%s", SAVED));
  }

  @Test
  void aMissingBaseIsNotRetried() throws Exception {
    AttemptRequest good = request(agent(), true, List.of());
    failure(1, good);
    AttemptRequest r =
        new AttemptRequest(
            good.runId(),
            good.taskId(),
            good.repo(),
            good.worktree(),
            good.taskFile(),
            good.tier(),
            0,
            good.checks(),
            null,
            "0123456789012345678901234567890123456789",
            true);

    ApplicationFailure f = failure(2, r);

    assertEquals(AttemptFailure.WORKTREE_FAILED, f.getType());
    assertTrue(f.isNonRetryable());
    assertTrue(Files.exists(fx.worktree.resolve("first.txt")), "nothing was touched");
  }
}
