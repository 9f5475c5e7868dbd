package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activities.process.ProcessRunner;
import dev.braid.activities.secrets.ChildEnvironment;
import dev.braid.activities.secrets.EnvironmentGrants;
import dev.braid.activity.AttemptFailure;
import dev.braid.activity.AttemptRequest;
import dev.braid.activity.AttemptResult;
import dev.braid.activity.Usage;
import dev.braid.config.AgentTier;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentActivitiesImplTest {
  private static final String RUN = "braid/plan:2024 run";
  private static final ProcessRunner RUNNER =
      new ProcessRunner(Duration.ofMillis(500), Duration.ofMillis(100));

  @TempDir Path root;
  private GitFixture fx;
  private Path runs;

  @BeforeEach
  void setUp() throws Exception {
    fx = new GitFixture(root, "task-1");
    runs = root.resolve("runs.txt");
  }

  private AttemptRequest request(
      Path agent,
      List<String> args,
      long timeoutSeconds,
      int before,
      List<List<String>> checks,
      String guidance) {
    List<String> command = new java.util.ArrayList<>();
    command.add(agent.toString());
    command.addAll(args);
    return new AttemptRequest(
        RUN,
        fx.taskId,
        fx.repo.toString(),
        fx.worktree.toString(),
        fx.taskFile.toString(),
        new AgentTier("fast", command, 2, timeoutSeconds, 1),
        before,
        checks,
        guidance,
        null,
        false);
  }

  private AttemptRequest request(Path agent, List<List<String>> checks) {
    return request(agent, List.of(), 60, 0, checks, null);
  }

  private static AttemptResult attempt(int activityAttempt, AttemptRequest r) {
    return new AgentActivitiesImpl(RUNNER, () -> new FakeAttemptContext(activityAttempt))
        .attempt(r);
  }

  private static ApplicationFailure failure(int activityAttempt, AttemptRequest r) {
    return assertThrows(ApplicationFailure.class, () -> attempt(activityAttempt, r));
  }

  /** An agent that counts its runs, then does {@code body}. */
  private Path agent(String body) throws Exception {
    return GitFixture.script(root.resolve("bin/agent"), "echo run >> " + runs + "\n" + body);
  }

  private long runCount() throws Exception {
    return Files.exists(runs) ? Files.readAllLines(runs).size() : 0;
  }

  private static Map<String, String> readEnv(Path file) throws Exception {
    Map<String, String> env = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      int eq = line.indexOf('=');
      env.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return env;
  }

  @Test
  void environmentAndPlaceholdersReachTheAgent() throws Exception {
    Path out = root.resolve("out");
    Path agent =
        agent(
            "env | grep ^BRAID_ > "
                + out
                + "/env\n"
                + "printf '%s\\0' \"$@\" > "
                + out
                + "/args\n"
                + "pwd > "
                + out
                + "/pwd\n"
                + "cat \"$BRAID_GUIDANCE_FILE\" > "
                + out
                + "/guidance\n");
    Files.createDirectories(out);
    AttemptRequest r =
        request(
            agent,
            List.of("--task={taskId}", "{worktree}", "{promptFile}", "{prompt}"),
            60,
            2,
            List.of(),
            "Use the blue paint.");

    AttemptResult result = attempt(1, r);

    assertEquals(3, result.attempt(), "attempts count over all tiers");
    Map<String, String> env = readEnv(out.resolve("env"));
    Path promptFile = fx.stateDir().resolve("prompt.md").toRealPath();
    assertEquals("task-1", env.get("BRAID_TASK_ID"));
    assertEquals(fx.taskFile.toString(), env.get("BRAID_TASK_FILE"));
    assertEquals(promptFile, Path.of(env.get("BRAID_PROMPT_FILE")).toRealPath());
    assertEquals("3", env.get("BRAID_ATTEMPT"));
    assertEquals("fast", env.get("BRAID_TIER"));
    assertEquals(RUN, env.get("BRAID_RUN_ID"));
    assertEquals("Use the blue paint.", Files.readString(out.resolve("guidance")));
    assertTrue(env.containsKey("BRAID_GUIDANCE_FILE"));
    // Attempts 1 and 2 ran on earlier tiers of another worker that left no feedback behind.
    assertTrue(
        Files.readString(Path.of(env.get("BRAID_FEEDBACK_FILE")))
            .startsWith("attempt 2 ended without a result"));

    String prompt = Files.readString(promptFile);
    List<String> args = List.of(Files.readString(out.resolve("args")).split("\0"));
    assertEquals("--task=task-1", args.get(0));
    assertEquals(fx.worktree.toString(), args.get(1));
    assertEquals(promptFile, Path.of(args.get(2)).toRealPath());
    assertEquals(4, args.size());
    assertEquals(prompt, args.get(3), "the prompt is one argument, untouched");
    assertTrue(prompt.startsWith("# Add a greeting (task task-1)\n\nWrite hello.txt.\n"), prompt);
    assertTrue(prompt.contains("Guidance from a human:\n\nUse the blue paint."), prompt);
    assertEquals(fx.worktree.toRealPath(), Path.of(Files.readString(out.resolve("pwd")).strip()));
  }

  @Test
  void aTaskTextFromTheRunsInputReachesTheAgentWhereTheTaskFileDoesNotExist() throws Exception {
    Path out = root.resolve("out");
    Files.createDirectories(out);
    Path agent =
        agent("cat \"$BRAID_TASK_FILE\" > " + out + "/task\ncat \"$1\" > " + out + "/prompt\n");
    AttemptRequest base = request(agent, List.of("{promptFile}"), 60, 0, List.of(), null);
    // The starting host's checkout is elsewhere: its task file does not exist on this host.
    AttemptRequest r =
        new AttemptRequest(
            base.runId(),
            base.taskId(),
            "/elsewhere/repo",
            base.worktree(),
            "/elsewhere/repo/.parallel/plans/tasks/task-1.md",
            base.tier(),
            0,
            List.of(),
            null,
            null,
            false,
            null,
            null,
            null,
            "---\nid: task-1\n---\n\n# Carried in the input\n\nWrite carried.txt.\n");

    attempt(1, r);

    assertEquals(r.taskText(), Files.readString(out.resolve("task")));
    String prompt = Files.readString(out.resolve("prompt"));
    assertTrue(prompt.contains("Write carried.txt."), prompt);
    assertFalse(prompt.contains("id: task-1\n---"), "no frontmatter in the prompt: " + prompt);
  }

  @Test
  void successCommitsLeftoversWithTheImplementsTrailerAndRunsTheChecks() throws Exception {
    Path agent = agent("echo hello > hello.txt\necho agent-says-done");
    AttemptResult result = attempt(1, request(agent, List.of(List.of("test", "-f", "hello.txt"))));

    assertEquals(fx.git("rev-parse", "HEAD"), result.headCommit());
    assertEquals(fx.git("rev-parse", "feature/task-1"), result.headCommit());
    assertEquals("", fx.git("status", "--porcelain"), "nothing is left uncommitted");
    List<String> message = fx.git("log", "-1", "--format=%B").lines().toList();
    assertEquals("braid: task-1 attempt 1 (fast)", message.get(0));
    assertEquals("Implements: task-1", message.get(message.size() - 1));
    assertEquals("hello", fx.git("show", "HEAD:hello.txt"));

    Path log = fx.repo.resolve(".parallel/logs/braid_plan_2024_run/task-1/1-fast.log");
    assertEquals(log.toString(), result.logFile());
    String text = Files.readString(log);
    assertTrue(text.contains("agent-says-done"), text);
    assertTrue(text.contains("=== braid: check 1/1: test -f hello.txt ==="), text);
    assertTrue(Files.exists(fx.stateDir().resolve("result-1.json")));
    assertFalse(Files.exists(fx.stateDir().resolve("agent.pid")));
  }

  @Test
  void anAgentThatCommittedItselfLeavesNothingToCommit() throws Exception {
    Path agent =
        agent("echo mine > mine.txt && git add mine.txt && git commit -q -m 'agent commit'");
    AttemptResult result = attempt(1, request(agent, List.of()));
    assertEquals("agent commit", fx.git("log", "-1", "--format=%s"));
    assertEquals(fx.git("rev-parse", "HEAD"), result.headCommit());
  }

  @Test
  void aFailedAgentFeedsTheNextAttemptAndKeepsItsWork() throws Exception {
    Path seen = root.resolve("seen-feedback");
    Path agent =
        agent(
            "if [ \"$BRAID_ATTEMPT\" = 1 ]; then\n"
                + "  echo half > partial.txt; echo 'cannot find the frobnicator'; exit 3\n"
                + "fi\n"
                + "cat \"$BRAID_FEEDBACK_FILE\" > "
                + seen
                + "\n"
                + "test -f partial.txt || exit 9");
    AttemptRequest r = request(agent, List.of());

    ApplicationFailure first = failure(1, r);
    assertEquals(AttemptFailure.AGENT_FAILED, first.getType());
    assertFalse(first.isNonRetryable());
    assertTrue(first.getOriginalMessage().startsWith("agent exited with status 3; log: "));
    assertTrue(first.getOriginalMessage().endsWith("/1-fast.log"), first.getOriginalMessage());
    assertTrue(Files.exists(fx.worktree.resolve("partial.txt")), "uncommitted work survives");

    AttemptResult second = attempt(2, r);
    assertEquals(2, second.attempt());
    String feedback = Files.readString(seen);
    assertTrue(feedback.contains("agent exited with status 3"), feedback);
    assertTrue(feedback.contains("cannot find the frobnicator"), feedback);
    String prompt = Files.readString(fx.stateDir().resolve("prompt.md"));
    assertTrue(prompt.contains("Previous attempt failed:"), prompt);
    assertTrue(prompt.contains("cannot find the frobnicator"), prompt);
  }

  @Test
  void failingChecksFeedTheirOutputBack() throws Exception {
    Path seen = root.resolve("seen-feedback");
    Path agent =
        agent(
            "echo work >> work.txt\n"
                + "[ -n \"$BRAID_FEEDBACK_FILE\" ] && cp \"$BRAID_FEEDBACK_FILE\" "
                + seen
                + "\n"
                + "exit 0");
    List<String> check =
        List.of("bash", "-c", "echo 'expected 4 but was 5'; test \"$BRAID_ATTEMPT\" = 2");
    AttemptRequest r = request(agent, List.of(check));

    ApplicationFailure first = failure(1, r);
    assertEquals(AttemptFailure.CHECKS_FAILED, first.getType());
    assertFalse(first.isNonRetryable());
    String message = first.getOriginalMessage();
    assertTrue(message.contains("check `bash -c "), message);
    assertTrue(message.contains("expected 4 but was 5"), message);
    assertTrue(
        fx.git("log", "-1", "--format=%B").strip().endsWith("Implements: task-1"),
        "the agent's leftovers were committed before the checks ran");

    attempt(2, r);
    String feedback = Files.readString(seen);
    assertTrue(feedback.contains("expected 4 but was 5"), feedback);
    assertTrue(feedback.contains("bash -c"), feedback);
  }

  @Test
  void aSecretAFailingCheckPrintsIsMaskedInTheFailureTheFeedbackAndTheLog() throws Exception {
    String secret = "npm_FAKE_check_secret_0123";
    Map<String, String> parent = new HashMap<>(System.getenv());
    parent.put("NPM_TOKEN", secret);
    parent.put("GITHUB_TOKEN", "ghp_FAKE_never_in_checks");
    ProcessRunner runner =
        new ProcessRunner(
            Duration.ofMillis(500),
            Duration.ofMillis(100),
            new ChildEnvironment(
                parent,
                new EnvironmentGrants(List.of("NPM_TOKEN"), List.of(), List.of(), List.of())));
    Path agent = agent("echo work >> work.txt\nexit 0");
    List<String> check =
        List.of("bash", "-c", "echo \"token=$NPM_TOKEN gh=$GITHUB_TOKEN\"; exit 1");

    ApplicationFailure f =
        assertThrows(
            ApplicationFailure.class,
            () ->
                new AgentActivitiesImpl(runner, () -> new FakeAttemptContext(1))
                    .attempt(request(agent, List.of(check))));

    String message = f.getOriginalMessage();
    assertTrue(message.contains("token=*** gh="), message);
    assertFalse(message.contains(secret), message);
    assertFalse(message.contains("ghp_FAKE"), message);
    String feedback = Files.readString(fx.stateDir().resolve("feedback-2.txt"));
    assertTrue(feedback.contains("token=***"), feedback);
    assertFalse(feedback.contains(secret), feedback);
    try (var logs = Files.walk(fx.repo.resolve(".parallel/logs"))) {
      for (Path log : logs.filter(Files::isRegularFile).toList()) {
        assertFalse(Files.readString(log).contains(secret), log + " holds the secret");
      }
    }
  }

  @Test
  void aTimedOutAgentIsKilledWithItsChildren() throws Exception {
    Path pids = root.resolve("pids");
    Path agent = agent("sleep 1000 & echo $! > " + pids + "\nwait");
    ApplicationFailure f = failure(1, request(agent, List.of(), 1, 0, List.of(), null));
    assertEquals(AttemptFailure.AGENT_TIMED_OUT, f.getType());
    assertFalse(f.isNonRetryable());
    assertTrue(
        f.getOriginalMessage().startsWith("agent timed out after 1s"), f.getOriginalMessage());
    long child = Long.parseLong(Files.readString(pids).strip());
    assertFalse(Liveness.running(child), "the agent's child was killed");
    assertTrue(
        Files.readString(fx.stateDir().resolve("feedback-2.txt")).contains("timed out after 1s"));
  }

  @Test
  void aMissingAgentIsNotRetried() {
    for (String missing : List.of("no-such-agent-braid-test", "./bin/no-such-agent")) {
      AttemptRequest r =
          new AttemptRequest(
              RUN,
              fx.taskId,
              fx.repo.toString(),
              fx.worktree.toString(),
              fx.taskFile.toString(),
              new AgentTier("fast", List.of(missing), 2, 60, 1),
              0,
              List.of(),
              null,
              null,
              false);
      ApplicationFailure f = failure(1, r);
      assertEquals(AttemptFailure.AGENT_NOT_FOUND, f.getType());
      assertTrue(f.isNonRetryable());
      assertTrue(f.getOriginalMessage().contains(missing), f.getOriginalMessage());
    }
  }

  @Test
  void anUnknownPlaceholderIsABadConfigAndRunsNothing() throws Exception {
    Path agent = agent("exit 0");
    ApplicationFailure f = failure(1, request(agent, List.of("{promt}"), 60, 0, List.of(), null));
    assertEquals(AttemptFailure.BAD_CONFIG, f.getType());
    assertTrue(f.isNonRetryable());
    assertTrue(f.getOriginalMessage().contains("{promt}"), f.getOriginalMessage());
    assertTrue(f.getOriginalMessage().contains("{promptFile}"), f.getOriginalMessage());
    assertEquals(0, runCount());
  }

  @Test
  void aPromptTooLongForOneArgumentIsABadConfig() throws Exception {
    Files.writeString(fx.taskFile, "# Big\n" + "x".repeat(200_000) + "\n");
    ApplicationFailure f =
        failure(1, request(agent("exit 0"), List.of("{prompt}"), 60, 0, List.of(), null));
    assertEquals(AttemptFailure.BAD_CONFIG, f.getType());
    assertTrue(f.isNonRetryable());
    assertTrue(f.getOriginalMessage().contains("{promptFile}"), f.getOriginalMessage());
    assertEquals(0, runCount());
  }

  @Test
  void aMissingTaskFileIsAnInvalidPlan() throws Exception {
    Files.delete(fx.taskFile);
    ApplicationFailure f = failure(1, request(agent("exit 0"), List.of()));
    assertEquals(AttemptFailure.PLAN_INVALID, f.getType());
    assertTrue(f.isNonRetryable());
    assertEquals(0, runCount());
  }

  @Test
  void aCheckProgramMissingFromThePathIsABadConfig() throws Exception {
    Path agent = agent("exit 0");
    ApplicationFailure f =
        failure(1, request(agent, List.of(List.of("no-such-check-braid-test", "run"))));
    assertEquals(AttemptFailure.BAD_CONFIG, f.getType());
    assertTrue(f.isNonRetryable());
    assertEquals(0, runCount());
  }

  @Test
  void aCompletedAttemptIsReturnedAgainWithoutRerunningTheAgent() throws Exception {
    Path agent = agent("date +%N >> stamp.txt");
    AttemptRequest r = request(agent, List.of());
    AttemptResult first = attempt(1, r);

    assertEquals(first, attempt(1, r), "the same attempt again returns its record");
    assertEquals(
        first, attempt(2, r), "a retry after a lost completion returns the recorded success");
    assertEquals(1, runCount());

    AttemptRequest otherRun =
        new AttemptRequest(
            "another-run",
            r.taskId(),
            r.repo(),
            r.worktree(),
            r.taskFile(),
            r.tier(),
            0,
            r.checks(),
            null,
            r.baseCommit(),
            r.resetOnRetry());
    AttemptResult rerun = attempt(1, otherRun);
    assertEquals(2, runCount(), "a record of another run is not reused");
    assertNotEquals(first.headCommit(), rerun.headCommit());
  }

  @Test
  void usageIsReadFromClaudesJsonResult() throws Exception {
    String json =
        "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"num_turns\":7,"
            + "\"result\":\"done\",\"session_id\":\"sess-42\",\"total_cost_usd\":0.1234,"
            + "\"usage\":{\"input_tokens\":100,\"cache_creation_input_tokens\":20,"
            + "\"cache_read_input_tokens\":3,\"output_tokens\":55}}";
    Path agent = agent("echo 'thinking...'\necho '" + json + "'");
    AttemptResult result = attempt(1, request(agent, List.of()));
    assertEquals(new Usage(0.1234, 123L, 55L, 7, "sess-42"), result.usage());
  }

  @Test
  void usageSumsEveryAttemptOfTheTaskAcrossTiers() throws Exception {
    String json =
        "{\"type\":\"result\",\"total_cost_usd\":0.25,\"num_turns\":2,"
            + "\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}";
    // The first tier's only attempt reports its cost, then fails.
    failure(1, request(agent("echo '" + json + "'\nexit 1"), List.of(), 60, 0, List.of(), null));
    // The next tier's first attempt (BRAID_ATTEMPT 2) reports and succeeds.
    AttemptResult result =
        attempt(1, request(agent("echo '" + json + "'"), List.of(), 60, 1, List.of(), null));

    assertEquals(2, result.attempt());
    assertEquals(0.5, result.usage().costUsd(), 1e-9);
    assertEquals(20L, result.usage().inputTokens());
    assertEquals(10L, result.usage().outputTokens());
    assertEquals(4, result.usage().turns());
  }

  @Test
  void usageIsUnknownWithoutAJsonResult() throws Exception {
    AttemptResult result = attempt(1, request(agent("echo plain text"), List.of()));
    assertEquals(Usage.unknown(), result.usage());
    assertNull(result.usage().costUsd());
  }

  @Test
  void heartbeatsNameThePhase() throws Exception {
    FakeAttemptContext context = new FakeAttemptContext(1);
    Path agent = agent("sleep 0.5");
    new AgentActivitiesImpl(RUNNER, () -> context)
        .attempt(request(agent, List.of(List.of("sleep", "0.3"))));
    assertTrue(context.beats.stream().anyMatch(b -> b.phase().equals("agent")), "" + context.beats);
    assertTrue(
        context.beats.stream().anyMatch(b -> b.phase().equals("check 1/1")), "" + context.beats);
    assertTrue(context.beats.stream().anyMatch(b -> b.elapsedMillis() > 0), "" + context.beats);
    assertTrue(context.beats.stream().allMatch(b -> b.attempt() == 1));
  }

  @Test
  void aStaleAgentGroupIsKilledBeforeTheAttemptStarts() throws Exception {
    Process stale =
        new ProcessBuilder("setsid", "sleep", "1000")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      long started = stale.toHandle().info().startInstant().orElseThrow().toEpochMilli();
      Files.createDirectories(fx.stateDir());
      Files.writeString(fx.stateDir().resolve("agent.pid"), stale.pid() + " " + started + "\n");
      attempt(1, request(agent("exit 0"), List.of()));
      assertTrue(stale.waitFor(5, TimeUnit.SECONDS), "the stale group was killed");
    } finally {
      stale.destroyForcibly();
    }
  }
}
