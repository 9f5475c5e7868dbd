package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.AttemptRequest;
import dev.braid.activity.AttemptResult;
import dev.braid.config.AgentPreset;
import dev.braid.config.AgentTier;
import dev.braid.testsupport.anthropic.FakeAnthropic;
import dev.braid.testsupport.anthropic.ModelTurn;
import dev.braid.testsupport.openai.CodexTurn;
import dev.braid.testsupport.openai.FakeOpenAi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Every tier of the README's own {@code braid.yaml} example (the cascade's tiers and the resolver),
 * read from the README itself and run unchanged by the attempt activity with the real CLI it names,
 * against the stand-ins: {@code preset: claude-code} and a {@code command:} that calls {@code
 * claude} against {@link FakeAnthropic}, {@code preset: codex} against {@link FakeOpenAi}. Only the
 * program is replaced, by a wrapper that points the pinned CLI at the stand-in; the preset's argv,
 * the model and the command's arguments are the README's. For each: the attempt succeeds, the file
 * the stand-in's scripted tool call writes is committed, the model the README names is the one the
 * API was asked for, and the tokens (and the cost, where the CLI reports one) are what the stand-in
 * billed.
 */
class RealClaudeCodeReadmeTierTest {
  private static final Path README = Path.of("..", "README.md");

  /**
   * The list prices Claude Code 2.1.332 carries (its model catalogue's pricing tiers), US dollars
   * per million input and output tokens, by the model id it sends: it resolves {@code haiku} to
   * {@code claude-haiku-5-5} and {@code sonnet} to {@code claude-sonnet-5-5}. The CLI prices the
   * tokens it was billed, so its cost must be these times the stand-in's tokens. A README model not
   * listed here fails the test, naming the model the CLI sent.
   */
  private static final Map<String, double[]> USD_PER_MTOK =
      Map.of(
          "claude-haiku-5-5", new double[] {0.1, 0.5},
          "claude-sonnet-5-5", new double[] {2, 10},
          "claude-sonnet-4-5", new double[] {3, 15});

  @TempDir Path root;

  /** The README's {@code braid.yaml} example, parsed. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> documentedExample() throws Exception {
    String readme = Files.readString(README);
    int section = readme.indexOf("### `braid.yaml`");
    assertTrue(section >= 0, "the README documents braid.yaml");
    int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
    String example = readme.substring(start, readme.indexOf("```", start));
    return new Yaml().load(example);
  }

  /**
   * Every tier the example declares, in order: {@code agent.tiers}, then {@code agent.resolver}
   * when there is one.
   */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> documentedTiers() throws Exception {
    Map<String, Object> agent = (Map<String, Object>) documentedExample().get("agent");
    assertNotNull(agent, "the README's example has an agent section");
    List<Map<String, Object>> tiers =
        new ArrayList<>((List<Map<String, Object>>) agent.get("tiers"));
    if (agent.get("resolver") != null) {
      tiers.add((Map<String, Object>) agent.get("resolver"));
    }
    return tiers;
  }

  static Stream<Arguments> readmeTiers() throws Exception {
    return documentedTiers().stream().map(t -> Arguments.of(String.valueOf(t.get("name")), t));
  }

  /** The example names each kind of tier this test exists for, so none can vanish unnoticed. */
  @Test
  void theReadmesExampleHasAClaudeCodeACodexAndACommandTier() throws Exception {
    List<Map<String, Object>> tiers = documentedTiers();
    assertTrue(tiers.stream().anyMatch(t -> "claude-code".equals(t.get("preset"))), "" + tiers);
    assertTrue(tiers.stream().anyMatch(t -> "codex".equals(t.get("preset"))), "" + tiers);
    assertTrue(tiers.stream().anyMatch(t -> t.get("command") != null), "" + tiers);
  }

  @ParameterizedTest(name = "tier {0}")
  @MethodSource("readmeTiers")
  @SuppressWarnings("unchecked")
  void everyTierOfTheReadmesExampleRunsItsRealCli(String name, Map<String, Object> documented)
      throws Exception {
    GitFixture fx = new GitFixture(root, "task-1");
    String presetId = (String) documented.get("preset");
    String model = (String) documented.get("model");
    List<String> env = (List<String>) documented.getOrDefault("env", List.of());
    List<String> argv;
    String output;
    boolean onStdin;
    if (presetId != null) {
      AgentPreset preset =
          AgentPreset.byId(presetId)
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "tier "
                              + name
                              + ": preset "
                              + presetId
                              + " is none of "
                              + AgentPreset.ids()));
      argv = new ArrayList<>(preset.command(model));
      output = preset.id();
      onStdin = true;
    } else {
      List<String> command = (List<String>) documented.get("command");
      assertNotNull(command, "tier " + name + " has neither preset nor command");
      argv = new ArrayList<>(command);
      // The README's own rule: a positional prompt must never be read as an option.
      int prompt = argv.indexOf("{prompt}");
      if (prompt >= 0) {
        assertEquals("--", argv.get(prompt - 1), "tier " + name + ": " + argv);
      }
      output = null;
      onStdin = false;
    }
    String cli = argv.get(0);
    if ("claude".equals(cli)) {
      runsClaudeCode(fx, name, argv, output, onStdin, env);
    } else if ("codex".equals(cli)) {
      runsCodex(fx, name, argv, output, onStdin, env, model);
    } else {
      throw new AssertionError(
          "tier " + name + " runs " + cli + ", which has no stand-in: " + argv);
    }
  }

  private void runsClaudeCode(
      GitFixture fx,
      String name,
      List<String> argv,
      String output,
      boolean onStdin,
      List<String> env)
      throws Exception {
    try (FakeAnthropic api = new FakeAnthropic()) {
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
      api.conversation(
          fx.taskId,
          ModelTurn.write("hello.txt", "hello\n"),
          ModelTurn.endTurn("Wrote hello.txt."));

      AttemptResult result =
          attempt(fx, new AgentTier(name, argv, 1, 120, 1, output, onStdin, env));

      // The rendered prompt reached the model as the conversation's first message.
      String prompt = api.requests().get(0).path("messages").get(0).toString();
      assertTrue(prompt.contains("Add a greeting (task task-1)"), prompt);
      assertTrue(prompt.contains("Rules for agents"), prompt);
      // The CLI's Write tool edited the worktree, and braid committed it.
      assertEquals("hello", fx.git("show", result.headCommit() + ":hello.txt"));
      // Every request asked for the README's model (an alias such as haiku, resolved by the CLI).
      String sent = api.requests().get(0).path("model").asText();
      for (JsonNode request : api.requests()) {
        assertEquals(sent, request.path("model").asText(), "tier " + name);
      }
      int model = argv.indexOf("--model");
      if (model >= 0) {
        String documentedModel = argv.get(model + 1);
        assertTrue(
            sent.contains(documentedModel),
            "tier " + name + " asked for " + sent + ", the README says " + documentedModel);
      }
      // Usage read from the CLI's JSON: what the stand-in billed, priced at the model's list price.
      assertEquals(api.billedInputTokens(), result.usage().inputTokens(), "tier " + name);
      assertEquals(api.billedOutputTokens(), result.usage().outputTokens(), "tier " + name);
      assertNotNull(result.usage().costUsd(), "tier " + name + ": the cost is read from its JSON");
      double[] price = USD_PER_MTOK.get(sent);
      assertNotNull(
          price, "tier " + name + ": no list price known for " + sent + ", " + result.usage());
      double billed =
          (api.billedInputTokens() * price[0] + api.billedOutputTokens() * price[1]) / 1e6;
      assertTrue(billed > 0, "the stand-in billed something");
      assertEquals(billed, result.usage().costUsd(), 1e-9, "tier " + name + " on " + sent);
    }
  }

  private void runsCodex(
      GitFixture fx,
      String name,
      List<String> argv,
      String output,
      boolean onStdin,
      List<String> env,
      String model)
      throws Exception {
    try (FakeOpenAi api = new FakeOpenAi()) {
      Path home = root.resolve("codex-home");
      api.writeCodexConfig(home);
      argv.set(
          0,
          RealClis.wrapper(
                  root,
                  "codex",
                  Map.of("CODEX_HOME", home.toString(), "OPENAI_API_KEY", "sk-test-not-a-secret"))
              .toString());
      api.conversation(fx.taskId, CodexTurn.write("hello.txt", "hello\n"), CodexTurn.say("Done."));

      AttemptResult result =
          attempt(fx, new AgentTier(name, argv, 1, 120, 1, output, onStdin, env));

      // Its shell tool wrote the file in the worktree, and braid committed it.
      assertEquals("hello", fx.git("show", result.headCommit() + ":hello.txt"));
      assertFalse(api.requests().isEmpty());
      String prompt = api.requests().get(0).path("input").toString();
      assertTrue(prompt.contains("(task " + fx.taskId + ")"), prompt);
      // Every request asked for the README's model.
      for (JsonNode request : api.requests()) {
        assertEquals(model, request.path("model").asText(), "tier " + name);
      }
      // Tokens from its JSONL events: what the stand-in billed. Codex reports no cost.
      assertTrue(api.billedInputTokens() > 0, "the stand-in billed something");
      assertEquals(api.billedInputTokens(), result.usage().inputTokens(), "tier " + name);
      assertEquals(api.billedOutputTokens(), result.usage().outputTokens(), "tier " + name);
      assertNull(result.usage().costUsd(), "Codex reports no cost; braid never prices tokens");
    }
  }

  private static AttemptResult attempt(GitFixture fx, AgentTier tier) {
    return new AgentActivitiesImpl(new ProcessRunner(), () -> new FakeAttemptContext(1))
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
  }
}
