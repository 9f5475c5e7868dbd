package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.AttemptFailure;
import dev.braid.activity.AttemptResult;
import dev.braid.activity.ManualWorkRequest;
import dev.braid.activity.Usage;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unblock --done}: a human's fix is committed and checked, with no agent. */
class AcceptManualWorkTest {
  private static final ProcessRunner RUNNER =
      new ProcessRunner(Duration.ofMillis(500), Duration.ofMillis(100));
  private static final String RUN = "braid/plan run";

  @TempDir Path root;
  private GitFixture fx;
  private FakeAttemptContext context;

  @BeforeEach
  void setUp() throws Exception {
    fx = new GitFixture(root, "task-1");
    context = new FakeAttemptContext(1);
  }

  private ManualWorkRequest request(List<List<String>> checks) {
    return new ManualWorkRequest(
        RUN, fx.taskId, fx.repo.toString(), fx.worktree.toString(), checks);
  }

  private AttemptResult accept(ManualWorkRequest r) {
    return new AgentActivitiesImpl(RUNNER, () -> context).acceptManualWork(r);
  }

  @Test
  void theFixIsCommittedWithTheTrailerAndTheChecksPass() throws Exception {
    Files.writeString(fx.worktree.resolve("fix.txt"), "by hand\n");
    List<String> check =
        List.of("bash", "-c", "echo checking; test -f fix.txt && test \"$BRAID_TASK_ID\" = task-1");

    AttemptResult result = accept(request(List.of(check)));

    assertEquals(0, result.attempt());
    assertEquals(fx.git("rev-parse", "HEAD"), result.headCommit());
    assertEquals(Usage.unknown(), result.usage());
    assertEquals("", fx.git("status", "--porcelain"), "nothing is left uncommitted");
    List<String> message = fx.git("log", "-1", "--format=%B").lines().toList();
    assertEquals("braid: task-1 manual fix", message.get(0));
    assertEquals("Implements: task-1", message.get(message.size() - 1));
    assertEquals("by hand", fx.git("show", "HEAD:fix.txt"));
    Path log = fx.repo.resolve(".parallel/logs/braid_plan_run/task-1/manual-1.log");
    assertEquals(log.toString(), result.logFile());
    assertTrue(Files.readString(log).contains("checking"));
    assertTrue(
        context.beats.stream().anyMatch(b -> b.phase().equals("manual check 1/1")),
        "" + context.beats);
  }

  @Test
  void aRepeatCommitsNothingNewAndLogsSeparately() throws Exception {
    Files.writeString(fx.worktree.resolve("fix.txt"), "by hand\n");
    ManualWorkRequest r = request(List.of(List.of("test", "-f", "fix.txt")));
    AttemptResult first = accept(r);

    AttemptResult again = accept(r);

    assertEquals(first.headCommit(), again.headCommit());
    assertEquals("2", fx.git("rev-list", "--count", "HEAD"), "the initial commit and the fix");
    assertTrue(again.logFile().endsWith("/manual-2.log"), again.logFile());
  }

  @Test
  void aHumanWhoCommittedThemselvesIsCheckedAsIs() throws Exception {
    Files.writeString(fx.worktree.resolve("fix.txt"), "by hand\n");
    fx.git("add", "fix.txt");
    fx.git("commit", "-q", "-m", "my own fix");

    AttemptResult result = accept(request(List.of()));

    assertEquals("my own fix", fx.git("log", "-1", "--format=%s"));
    assertEquals(fx.git("rev-parse", "HEAD"), result.headCommit());
    assertTrue(Files.exists(Path.of(result.logFile())), "the log exists even with no checks");
  }

  @Test
  void failingChecksAreNotRetriedAndCarryTheirOutput() throws Exception {
    Files.writeString(fx.worktree.resolve("fix.txt"), "half done\n");
    List<String> check = List.of("bash", "-c", "echo '2 tests failed: test_greeting'; exit 1");

    ApplicationFailure f =
        assertThrows(ApplicationFailure.class, () -> accept(request(List.of(check))));

    assertEquals(AttemptFailure.CHECKS_FAILED, f.getType());
    assertTrue(f.isNonRetryable(), "only the human can fix it");
    String message = f.getOriginalMessage();
    assertTrue(message.contains("check `bash -c "), message);
    assertTrue(message.contains("status 1"), message);
    assertTrue(message.contains("2 tests failed: test_greeting"), message);
    assertTrue(message.endsWith("/manual-1.log"), message);
    assertEquals(
        "braid: task-1 manual fix",
        fx.git("log", "-1", "--format=%s"),
        "the human's work is committed even when the checks fail");
  }

  @Test
  void aMissingWorktreeIsNotRetried() throws Exception {
    ManualWorkRequest r =
        new ManualWorkRequest(
            RUN, fx.taskId, fx.repo.toString(), root.resolve("nowhere").toString(), List.of());
    ApplicationFailure f = assertThrows(ApplicationFailure.class, () -> accept(r));
    assertEquals(AttemptFailure.WORKTREE_FAILED, f.getType());
    assertTrue(f.isNonRetryable());
  }

  @Test
  void aMissingCheckProgramIsABadConfigAndCommitsNothing() throws Exception {
    Files.writeString(fx.worktree.resolve("fix.txt"), "by hand\n");
    ApplicationFailure f =
        assertThrows(
            ApplicationFailure.class,
            () -> accept(request(List.of(List.of("no-such-check-braid-test")))));
    assertEquals(AttemptFailure.BAD_CONFIG, f.getType());
    assertTrue(f.isNonRetryable());
    assertEquals("initial", fx.git("log", "-1", "--format=%s"));
  }
}
