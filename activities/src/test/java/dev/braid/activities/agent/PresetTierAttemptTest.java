package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.AttemptFailure;
import dev.braid.activity.AttemptRequest;
import dev.braid.activity.Usage;
import dev.braid.config.AgentTier;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attempts of tiers that read the prompt on stdin and name their output format, as presets do. */
class PresetTierAttemptTest {
  private static final ProcessRunner RUNNER = new ProcessRunner();

  @TempDir Path root;
  private GitFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new GitFixture(root, "task-1");
  }

  private AttemptRequest request(Path agent, String output) {
    return new AttemptRequest(
        "run-1",
        fx.taskId,
        fx.repo.toString(),
        fx.worktree.toString(),
        fx.taskFile.toString(),
        new AgentTier("fast", List.of(agent.toString()), 2, 60, 1, output, true),
        0,
        List.of(),
        null,
        null,
        false);
  }

  private static AgentActivitiesImpl activities() {
    return new AgentActivitiesImpl(RUNNER, () -> new FakeAttemptContext(1));
  }

  @Test
  void thePromptArrivesOnStdinAndCodexUsageIsRead() throws Exception {
    Path seen = root.resolve("stdin.txt");
    Path agent =
        GitFixture.script(
            root.resolve("bin/agent"),
            "cat > "
                + seen
                + "\necho '{\"type\":\"thread.started\",\"thread_id\":\"th-1\"}'"
                + "\necho '{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":12,"
                + "\"output_tokens\":3}}'");
    var result = activities().attempt(request(agent, "codex"));
    String prompt = Files.readString(seen);
    assertTrue(prompt.startsWith("# "), prompt);
    assertTrue(prompt.contains("(task " + fx.taskId + ")"), prompt);
    assertTrue(prompt.contains("## Rules for agents"), prompt);
    assertEquals(new Usage(null, 12L, 3L, 1, "th-1"), result.usage());
  }

  @Test
  void aRateLimitedClaudeIsItsOwnFailureTypeWithTheResetTimeInItsDetails() throws Exception {
    Path agent =
        GitFixture.script(
            root.resolve("bin/agent"),
            "echo '{\"type\":\"result\",\"is_error\":true,\"total_cost_usd\":0,"
                + "\"usage\":{\"input_tokens\":0,\"output_tokens\":0},"
                + "\"result\":\"Claude AI usage limit reached|1767229200\"}'\nexit 1");
    ApplicationFailure f =
        assertThrows(
            ApplicationFailure.class, () -> activities().attempt(request(agent, "claude-code")));
    assertEquals(AttemptFailure.AGENT_RATE_LIMITED, f.getType());
    assertFalse(f.isNonRetryable());
    assertEquals(new Usage(0.0, 0L, 0L, null, null), f.getDetails().get(0, Usage.class));
    assertEquals(1_767_229_200_000L, f.getDetails().get(1, Long.class));
    assertTrue(f.getOriginalMessage().contains("usage limit"), f.getOriginalMessage());
  }

  @Test
  void aRateLimitWithoutResetTimeHasANullResetDetail() throws Exception {
    Path agent =
        GitFixture.script(
            root.resolve("bin/agent"),
            "echo '{\"type\":\"turn.failed\",\"error\":{\"message\":\"exceeded retry limit,"
                + " last status: 429 Too Many Requests\"}}'\nexit 1");
    ApplicationFailure f =
        assertThrows(ApplicationFailure.class, () -> activities().attempt(request(agent, "codex")));
    assertEquals(AttemptFailure.AGENT_RATE_LIMITED, f.getType());
    assertNull(f.getDetails().get(1, Long.class));
  }
}
