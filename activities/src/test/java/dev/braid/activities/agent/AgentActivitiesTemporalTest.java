package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.AgentActivities;
import dev.braid.activity.AttemptFailure;
import dev.braid.activity.AttemptRequest;
import dev.braid.activity.AttemptResult;
import dev.braid.activity.ManualWorkRequest;
import dev.braid.activity.Usage;
import dev.braid.config.AgentTier;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The activity inside a real Temporal activity context: attempt number, heartbeats, failures. */
class AgentActivitiesTemporalTest {
  @TempDir Path root;
  private GitFixture fx;
  private TestActivityEnvironment env;
  private AgentActivities activities;
  private final List<AttemptProgress> beats = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    fx = new GitFixture(root, "t7");
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new AgentActivitiesImpl(
            new ProcessRunner(Duration.ofMillis(500), Duration.ofMillis(100)),
            TemporalAttemptContext::current));
    env.setActivityHeartbeatListener(AttemptProgress.class, beats::add);
    activities =
        env.newActivityStub(
            AgentActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(2))
                .setHeartbeatTimeout(Duration.ofSeconds(2))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private AttemptRequest request(Path agent) {
    return new AttemptRequest(
        "run-1",
        fx.taskId,
        fx.repo.toString(),
        fx.worktree.toString(),
        fx.taskFile.toString(),
        new AgentTier("strong", List.of(agent.toString()), 1, 60, 1),
        4,
        List.of(List.of("test", "-f", "done.txt")),
        null,
        null,
        false);
  }

  @Test
  void succeedsAndHeartbeats() throws Exception {
    Path agent = GitFixture.script(root.resolve("agent"), "sleep 0.5; echo ok > done.txt");
    AttemptResult result = activities.attempt(request(agent));
    assertEquals(5, result.attempt(), "4 earlier attempts plus Temporal's attempt 1");
    assertEquals(fx.git("rev-parse", "HEAD"), result.headCommit());
    assertTrue(result.logFile().endsWith("/run-1/t7/5-strong.log"), result.logFile());
    assertTrue(
        beats.stream().anyMatch(b -> b.phase().equals("agent") && b.attempt() == 5), "" + beats);
  }

  @Test
  void aFailedAgentSurfacesAsATypedRetryableFailure() throws Exception {
    String result =
        "{\"type\":\"result\",\"total_cost_usd\":0.5,\"num_turns\":2,"
            + "\"usage\":{\"input_tokens\":10,\"output_tokens\":3}}";
    Path agent =
        GitFixture.script(root.resolve("agent"), "echo broken; echo '" + result + "'; exit 2");
    ActivityFailure failure =
        assertThrows(ActivityFailure.class, () -> activities.attempt(request(agent)));
    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, failure.getCause());
    assertEquals(AttemptFailure.AGENT_FAILED, cause.getType());
    assertFalse(cause.isNonRetryable());
    assertTrue(cause.getOriginalMessage().startsWith("agent exited with status 2"));
    assertTrue(Files.readString(fx.stateDir().resolve("feedback-6.txt")).contains("broken"));
    assertEquals(
        new Usage(0.5, 10L, 3L, 2, null),
        cause.getDetails().get(Usage.class),
        "a failed attempt's cost travels with its failure");
  }

  @Test
  void aMissingAgentSurfacesAsNonRetryable() {
    ActivityFailure failure =
        assertThrows(
            ActivityFailure.class, () -> activities.attempt(request(root.resolve("nope/agent"))));
    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, failure.getCause());
    assertEquals(AttemptFailure.AGENT_NOT_FOUND, cause.getType());
    assertTrue(cause.isNonRetryable());
  }

  @Test
  void aRetryWithResetStartsFromTheBase() throws Exception {
    String base = fx.git("rev-parse", "HEAD");
    Files.writeString(fx.worktree.resolve("draft.txt"), "left by attempt 1\n");
    Path agent =
        GitFixture.script(root.resolve("agent"), "test ! -e draft.txt && echo ok > done.txt");
    AttemptRequest r = request(agent);
    AttemptRequest reset =
        new AttemptRequest(
            r.runId(),
            r.taskId(),
            r.repo(),
            r.worktree(),
            r.taskFile(),
            r.tier(),
            1,
            r.checks(),
            null,
            base,
            true);

    AttemptResult result = activities.attempt(reset);

    assertEquals(2, result.attempt());
    assertEquals(base, fx.git("rev-parse", result.headCommit() + "^"));
    assertEquals("left by attempt 1", fx.git("show", "refs/braid/attempts/t7/1:draft.txt"));
  }

  @Test
  void manualWorkIsCommittedAndChecked() throws Exception {
    Files.writeString(fx.worktree.resolve("done.txt"), "by hand\n");
    AttemptResult result =
        activities.acceptManualWork(
            new ManualWorkRequest(
                "run-1",
                fx.taskId,
                fx.repo.toString(),
                fx.worktree.toString(),
                List.of(List.of("bash", "-c", "sleep 0.3; test -f done.txt"))));
    assertEquals(0, result.attempt());
    assertEquals(fx.git("rev-parse", "HEAD"), result.headCommit());
    assertEquals("Implements: t7", fx.git("log", "-1", "--format=%(trailers:only,unfold)").strip());
    assertTrue(beats.stream().anyMatch(b -> b.phase().equals("manual check 1/1")), "" + beats);
  }

  @Test
  void failingManualWorkSurfacesAsNonRetryableChecksFailed() {
    ActivityFailure failure =
        assertThrows(
            ActivityFailure.class,
            () ->
                activities.acceptManualWork(
                    new ManualWorkRequest(
                        "run-1",
                        fx.taskId,
                        fx.repo.toString(),
                        fx.worktree.toString(),
                        List.of(List.of("bash", "-c", "echo still broken; exit 4")))));
    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, failure.getCause());
    assertEquals(AttemptFailure.CHECKS_FAILED, cause.getType());
    assertTrue(cause.isNonRetryable());
    assertTrue(cause.getOriginalMessage().contains("still broken"), cause.getOriginalMessage());
  }

  @Test
  void cancellationKillsTheAgentTree() throws Exception {
    Path pids = root.resolve("pids");
    Path agent =
        GitFixture.script(
            root.resolve("agent"),
            "sleep 1000 & echo $! > " + pids + ".tmp; mv " + pids + ".tmp " + pids + "; wait");
    CompletableFuture<AttemptResult> running =
        CompletableFuture.supplyAsync(() -> activities.attempt(request(agent)));
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!Files.exists(pids) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(Files.exists(pids), "the agent started");
    env.requestCancelActivity();

    Throwable thrown = assertThrows(Exception.class, running::join);
    boolean cancelled = false;
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      cancelled |= t instanceof CanceledFailure;
    }
    assertTrue(cancelled, "expected a cancellation, got " + thrown);
    long child = Long.parseLong(Files.readString(pids).strip());
    assertFalse(Liveness.running(child), "the agent's child was killed");
    assertFalse(Files.exists(fx.stateDir().resolve("agent.pid")));
  }
}
