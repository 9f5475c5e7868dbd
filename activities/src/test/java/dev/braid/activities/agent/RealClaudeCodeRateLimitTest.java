package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.AttemptFailure;
import dev.braid.activity.AttemptRequest;
import dev.braid.config.AgentPreset;
import dev.braid.testsupport.anthropic.FakeAnthropic;
import dev.braid.testsupport.anthropic.ModelTurn;
import dev.braid.testsupport.anthropic.Refusal;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Claude Code CLI, through the {@code claude-code} preset and the attempt activity,
 * against {@link FakeAnthropic} refusing requests. Claude Code retries a 429 or 529 itself, ten
 * times by default with a backoff that grew to 40 s between the last tries here (3 minutes in all),
 * so these tests bound its retries with {@code CLAUDE_CODE_MAX_RETRIES}, the variable its 2.1.332
 * bundle reads for that.
 */
class RealClaudeCodeRateLimitTest {
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

  private AttemptRequest request(int maxRetries) throws Exception {
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
            Integer.toString(maxRetries));
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
        false);
  }

  private static AgentActivitiesImpl activities() {
    return new AgentActivitiesImpl(new ProcessRunner(), () -> new FakeAttemptContext(1));
  }

  @Test
  void a429ThatOutlastsTheClisOwnRetriesIsAgentRateLimited() throws Exception {
    api.refuse(2, new Refusal(429, 1));
    AttemptRequest request = request(1);
    ApplicationFailure f =
        assertThrows(ApplicationFailure.class, () -> activities().attempt(request));
    assertEquals(AttemptFailure.AGENT_RATE_LIMITED, f.getType(), f.getOriginalMessage());
    assertFalse(f.isNonRetryable());
    // The CLI tried once and retried once, as bounded, and every try was refused.
    assertEquals(2, api.refusedRequests());
    assertEquals(2, api.requests().size());
    assertTrue(f.getOriginalMessage().contains("429"), f.getOriginalMessage());
  }

  @Test
  void anOverloadedApiIsAgentRateLimitedToo() throws Exception {
    api.refuse(1, new Refusal(529, 1));
    AttemptRequest request = request(0);
    ApplicationFailure f =
        assertThrows(ApplicationFailure.class, () -> activities().attempt(request));
    assertEquals(AttemptFailure.AGENT_RATE_LIMITED, f.getType(), f.getOriginalMessage());
    assertEquals(1, api.refusedRequests());
  }

  @Test
  void aRefusalTheClisOwnRetryGetsPastIsNoLimitAtAll() throws Exception {
    api.refuse(1, new Refusal(429, 1));
    api.conversation(
        fx.taskId, ModelTurn.write("hello.txt", "hello\n"), ModelTurn.endTurn("Wrote it."));
    var result = activities().attempt(request(1));
    assertEquals(1, api.refusedRequests());
    assertEquals("hello\n", Files.readString(fx.worktree.resolve("hello.txt")));
    assertEquals("hello", fx.git("show", result.headCommit() + ":hello.txt"));
    // Only the answered requests are billed, and only those reach the usage.
    assertEquals(api.billedInputTokens(), result.usage().inputTokens());
    assertEquals(api.billedOutputTokens(), result.usage().outputTokens());
  }
}
