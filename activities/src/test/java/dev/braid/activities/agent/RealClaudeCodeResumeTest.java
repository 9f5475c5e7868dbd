package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.AttemptFailure;
import dev.braid.activity.AttemptRequest;
import dev.braid.activity.AttemptResult;
import dev.braid.activity.Usage;
import dev.braid.config.AgentPreset;
import dev.braid.testsupport.anthropic.FakeAnthropic;
import dev.braid.testsupport.anthropic.ModelTurn;
import dev.braid.testsupport.anthropic.Refusal;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Claude Code CLI resuming its session after a rate limit, as the workflow runs the same
 * attempt again after the wait: through the {@code claude-code} preset and the attempt activity,
 * against {@link FakeAnthropic}. {@code CLAUDE_CODE_MAX_RETRIES=0} makes the CLI give up at the
 * first refusal, so one refused request outlasts its own retries.
 */
class RealClaudeCodeResumeTest {
  /** What Claude Code 2.1.332 bills an answer of the stand-in for this model, at list price. */
  private static final double USD_PER_ANSWER = 0.0045;

  @TempDir Path root;
  private GitFixture fx;
  private FakeAnthropic api;

  @BeforeEach
  void setUp() throws Exception {
    fx = new GitFixture(root, "task-1");
    api = new FakeAnthropic();
  }

  @AfterEach
  void tearDown() {
    api.close();
  }

  private AttemptRequest request(String resumeSession) throws Exception {
    Map<String, String> env =
        Map.of(
            "ANTHROPIC_BASE_URL",
            api.baseUrl(),
            "ANTHROPIC_API_KEY",
            "sk-ant-test-not-a-secret",
            "CLAUDE_CONFIG_DIR",
            root.resolve("claude-config").toString(),
            "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC",
            "1",
            "DISABLE_AUTOUPDATER",
            "1",
            "CLAUDE_CODE_MAX_RETRIES",
            "0");
    return new AttemptRequest(
        "run-1",
        fx.taskId,
        fx.repo.toString(),
        fx.worktree.toString(),
        fx.taskFile.toString(),
        RealClis.tier(root, AgentPreset.CLAUDE_CODE, "claude-sonnet-4-5", "claude", env),
        0,
        List.of(),
        null,
        null,
        false,
        null,
        "temporal-run-1",
        resumeSession);
  }

  private static AgentActivitiesImpl activities() {
    return new AgentActivitiesImpl(new ProcessRunner(), () -> new FakeAttemptContext(1));
  }

  /** Runs the attempt until the limit stops it; returns the failure. */
  private ApplicationFailure limited() throws Exception {
    AttemptRequest first = request(null);
    ApplicationFailure f =
        assertThrows(ApplicationFailure.class, () -> activities().attempt(first));
    assertEquals(AttemptFailure.AGENT_RATE_LIMITED, f.getType(), f.getOriginalMessage());
    return f;
  }

  private static String text(JsonNode request) {
    return request.path("messages").toString();
  }

  @Test
  void aLimitInTheMiddleOfTheWorkIsResumedWhereItStopped() throws Exception {
    api.conversation(
        fx.taskId,
        ModelTurn.write("hello.txt", "hello\n"),
        ModelTurn.write("second.txt", "two\n"),
        ModelTurn.endTurn("Done."));
    api.refuseAfter(1, 1, new Refusal(429, 1));
    ApplicationFailure f = limited();
    Usage stopped = f.getDetails().get(0, Usage.class);
    assertNotNull(stopped.sessionId(), "the limited result names its session");
    assertEquals(2, api.requests().size());

    AttemptResult result = activities().attempt(request(stopped.sessionId()));

    assertEquals("hello", fx.git("show", result.headCommit() + ":hello.txt"));
    assertEquals("two", fx.git("show", result.headCommit() + ":second.txt"));
    // The resumed request carries the conversation so far: the task, the first write and its
    // result, then the message that says to carry on; never the task a second time.
    JsonNode resumed = api.requests().get(2);
    String conversation = text(resumed);
    assertTrue(conversation.contains("(task " + fx.taskId + ")"), conversation);
    assertTrue(conversation.contains("hello.txt"), conversation);
    assertTrue(conversation.contains("tool_result"), conversation);
    assertTrue(conversation.contains("rate limit stopped you"), conversation);
    assertEquals(1, conversation.split("\\(task " + fx.taskId + "\\)", -1).length - 1);
    // What both runs used: every billed token, and the session's cost once, not twice.
    assertEquals(api.billedInputTokens(), result.usage().inputTokens());
    assertEquals(api.billedOutputTokens(), result.usage().outputTokens());
    long answers = api.billedInputTokens() / FakeAnthropic.INPUT_TOKENS_PER_ANSWER;
    assertEquals(USD_PER_ANSWER * answers, result.usage().costUsd(), 1e-9);
    String log = Files.readString(Path.of(result.logFile()));
    assertTrue(log.contains("resuming session " + stopped.sessionId()), log);
  }

  @Test
  void aLimitOnTheVeryFirstRequestLeavesASessionThatResumesWithTheTask() throws Exception {
    api.conversation(fx.taskId, ModelTurn.write("hello.txt", "hello\n"), ModelTurn.endTurn("Ok."));
    api.refuse(1, new Refusal(429, 1));
    String session = limited().getDetails().get(0, Usage.class).sessionId();

    AttemptResult result = activities().attempt(request(session));

    assertEquals("hello", fx.git("show", result.headCommit() + ":hello.txt"));
    String conversation = text(api.requests().get(1));
    assertTrue(conversation.contains("(task " + fx.taskId + ")"), conversation);
    assertTrue(conversation.contains("rate limit stopped you"), conversation);
  }

  @Test
  void aSessionThisHostDoesNotHaveStartsAfreshWithTheFullPrompt() throws Exception {
    api.conversation(fx.taskId, ModelTurn.write("hello.txt", "hello\n"), ModelTurn.endTurn("Ok."));
    String elsewhere = UUID.randomUUID().toString();

    AttemptResult result = activities().attempt(request(elsewhere));

    assertEquals("hello", fx.git("show", result.headCommit() + ":hello.txt"));
    for (JsonNode request : api.requests()) {
      assertFalse(text(request).contains("rate limit stopped you"), text(request));
      assertTrue(text(request).contains("Rules for agents"), "the full prompt, not a resume");
    }
    String log = Files.readString(Path.of(result.logFile()));
    assertTrue(log.contains("No conversation found with session ID: " + elsewhere), log);
    assertTrue(log.contains("afresh: it has no session " + elsewhere + " here"), log);
  }
}
