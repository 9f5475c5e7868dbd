package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.AttemptFailure;
import dev.braid.activity.AttemptRequest;
import dev.braid.activity.Usage;
import dev.braid.config.AgentPreset;
import dev.braid.testsupport.openai.CodexTurn;
import dev.braid.testsupport.openai.FakeOpenAi;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Codex CLI, through the {@code codex} preset and the attempt activity, against {@link
 * FakeOpenAi}: a file written by its own shell tool is committed, its usage is what the stand-in
 * billed, and a 429 is a limit only when Codex gave up on it.
 */
class RealCodexAttemptTest {
  @TempDir Path root;
  private GitFixture fx;
  private FakeOpenAi api;

  @BeforeEach
  void setUp() throws Exception {
    fx = new GitFixture(root, "task-1");
    api = new FakeOpenAi();
  }

  @AfterEach
  void tearDown() {
    api.close();
  }

  private AttemptRequest request() throws Exception {
    return request(null, null);
  }

  /**
   * @param maxRetries the bound on Codex's own retries, or null for its defaults
   * @param resumeSession the thread to resume, as the workflow names it after a rate limit
   */
  private AttemptRequest request(Integer maxRetries, String resumeSession) throws Exception {
    Path home = root.resolve("codex-home");
    api.writeCodexConfig(home, maxRetries);
    Map<String, String> env =
        Map.of("CODEX_HOME", home.toString(), "OPENAI_API_KEY", "sk-test-not-a-secret");
    return new AttemptRequest(
        "run-1",
        fx.taskId,
        fx.repo.toString(),
        fx.worktree.toString(),
        fx.taskFile.toString(),
        RealClis.tier(root, AgentPreset.CODEX, "gpt-5", "codex", env),
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

  @Test
  void aFileWrittenByItsShellToolIsCommittedAndItsTokensAreWhatWasBilled() throws Exception {
    api.conversation(
        fx.taskId, CodexTurn.write("hello.txt", "it's here\n"), CodexTurn.say("Done."));
    var result = activities().attempt(request());
    assertEquals("it's here", fx.git("show", result.headCommit() + ":hello.txt"));
    assertEquals(2 * FakeOpenAi.INPUT_TOKENS_PER_ANSWER, api.billedInputTokens());
    assertEquals(api.billedInputTokens(), result.usage().inputTokens());
    assertEquals(api.billedOutputTokens(), result.usage().outputTokens());
    assertNull(result.usage().costUsd(), "Codex reports no cost; braid never prices tokens");
    assertEquals(1, result.usage().turns());
  }

  @Test
  void a429ThatOutlastsTheClisOwnRetriesIsAgentRateLimited() throws Exception {
    api.rateLimit(Integer.MAX_VALUE, 0);
    AttemptRequest request = request();
    ApplicationFailure f =
        assertThrows(ApplicationFailure.class, () -> activities().attempt(request));
    assertEquals(AttemptFailure.AGENT_RATE_LIMITED, f.getType(), f.getOriginalMessage());
    assertTrue(f.getOriginalMessage().contains("429"), f.getOriginalMessage());
    assertTrue(api.refusedRequests() > 1, "Codex retries on its own first");
    assertEquals(0, api.billedInputTokens());
  }

  @Test
  void a429TheClisOwnRetryGetsPastIsNoLimitAtAll() throws Exception {
    api.rateLimit(1, 0);
    api.conversation(fx.taskId, CodexTurn.write("hello.txt", "hello\n"), CodexTurn.say("Done."));
    var result = activities().attempt(request());
    assertEquals(1, api.refusedRequests());
    assertEquals("hello", fx.git("show", result.headCommit() + ":hello.txt"));
    assertEquals(api.billedInputTokens(), result.usage().inputTokens());
  }

  @Test
  void theAttemptAfterTheWaitResumesTheThreadWithTheTaskInIt() throws Exception {
    api.conversation(fx.taskId, CodexTurn.write("hello.txt", "hello\n"), CodexTurn.say("Done."));
    api.rateLimit(1, 1);
    AttemptRequest first = request(0, null);
    ApplicationFailure f =
        assertThrows(ApplicationFailure.class, () -> activities().attempt(first));
    assertEquals(AttemptFailure.AGENT_RATE_LIMITED, f.getType(), f.getOriginalMessage());
    String thread = f.getDetails().get(0, Usage.class).sessionId();
    assertEquals(1, api.requests().size(), "request_max_retries = 0: no retry of its own");

    var result = activities().attempt(request(0, thread));

    assertEquals("hello", fx.git("show", result.headCommit() + ":hello.txt"));
    String resumed = api.requests().get(1).path("input").toString();
    assertTrue(resumed.contains("(task " + fx.taskId + ")"), resumed);
    assertTrue(resumed.contains("rate limit stopped you"), resumed);
    // The resumed thread's counters are the whole thread's: every billed token, once.
    assertEquals(api.billedInputTokens(), result.usage().inputTokens());
    assertEquals(api.billedOutputTokens(), result.usage().outputTokens());
    assertEquals(thread, result.usage().sessionId());
  }
}
