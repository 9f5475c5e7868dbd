package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.AttemptRequest;
import dev.braid.activity.AttemptResult;
import dev.braid.config.AgentTier;
import dev.braid.testsupport.anthropic.FakeAnthropic;
import dev.braid.testsupport.anthropic.ModelTurn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The README's own example of a {@code command:} tier, read from the README itself and run
 * unchanged (only {@code claude} is the pinned CLI, through a wrapper that points it at {@link
 * FakeAnthropic}) by the attempt activity: the real Claude Code CLI takes the rendered prompt as
 * its prompt, its tools edit the worktree, and braid reads the usage from its JSON.
 */
class RealClaudeCodeReadmeTierTest {
  private static final Path README = Path.of("..", "README.md");

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

  /** The argv of the tier named {@code custom} in the README's {@code braid.yaml} example. */
  @SuppressWarnings("unchecked")
  static List<String> documentedCommand() throws Exception {
    String readme = Files.readString(README);
    int section = readme.indexOf("### `braid.yaml`");
    assertTrue(section >= 0, "the README documents braid.yaml");
    int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
    String example = readme.substring(start, readme.indexOf("```", start));
    Map<String, Object> config = new Yaml().load(example);
    List<Map<String, Object>> tiers =
        (List<Map<String, Object>>) ((Map<String, Object>) config.get("agent")).get("tiers");
    return tiers.stream()
        .filter(t -> "custom".equals(t.get("name")))
        .map(t -> (List<String>) t.get("command"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no tier named custom in the README's example"));
  }

  @Test
  void theReadmesCommandTierRunsTheRealCli() throws Exception {
    List<String> argv = new ArrayList<>(documentedCommand());
    assertEquals("claude", argv.get(0), argv.toString());
    // The README's own rule. The real CLI would take today's prompts without it, since they start
    // with "# ", but a positional prompt must never be read as an option.
    assertEquals("--", argv.get(argv.indexOf("{prompt}") - 1), argv.toString());
    argv.set(
        0,
        RealClis.wrapper(
                root,
                "claude",
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
                    "1"))
            .toString());
    // A command tier: no preset, its output recognised as Claude Code's JSON.
    AgentTier tier = new AgentTier("custom", argv, 1, 120, 1);
    api.conversation(
        fx.taskId, ModelTurn.write("hello.txt", "hello\n"), ModelTurn.endTurn("Wrote hello.txt."));

    AttemptResult result =
        new AgentActivitiesImpl(new ProcessRunner(), () -> new FakeAttemptContext(1))
            .attempt(
                new AttemptRequest(
                    "run-1",
                    fx.taskId,
                    fx.repo.toString(),
                    fx.worktree.toString(),
                    fx.taskFile.toString(),
                    tier,
                    0,
                    List.of(),
                    null,
                    null,
                    false,
                    null,
                    "temporal-run-1",
                    null));

    // The rendered prompt reached the model as the conversation's first message.
    JsonNode first = api.requests().get(0);
    String prompt = first.path("messages").get(0).toString();
    assertTrue(prompt.contains("Add a greeting (task task-1)"), prompt);
    assertTrue(prompt.contains("Rules for agents"), prompt);
    // The CLI's Write tool edited the worktree, and braid committed it.
    assertEquals("hello", fx.git("show", result.headCommit() + ":hello.txt"));
    // Usage read from the CLI's JSON: what the stand-in billed.
    assertEquals(api.billedInputTokens(), result.usage().inputTokens());
    assertEquals(api.billedOutputTokens(), result.usage().outputTokens());
    assertNotNull(result.usage().costUsd(), "the cost is read from --output-format json");
    assertTrue(result.usage().costUsd() > 0, result.usage().toString());
  }
}
