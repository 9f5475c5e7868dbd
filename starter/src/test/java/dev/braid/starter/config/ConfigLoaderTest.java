package dev.braid.starter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.config.AgentTier;
import dev.braid.config.BraidConfig;
import dev.braid.config.MergeMode;
import dev.braid.config.OnRetry;
import dev.braid.config.OverlapPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path write(String yaml) throws Exception {
    return Files.writeString(dir.resolve("braid.yaml"), yaml);
  }

  @Test
  void readsTheBriefsExample() throws Exception {
    Path file =
        write(
            """
            agent:
              tiers:
                - name: fast
                  command: [claude, -p, "{prompt}", --model, haiku]
                  attempts: 2
                  timeout: 30m
                - name: strong
                  command: [claude, -p, "{prompt}", --model, sonnet]
                  attempts: 1
                  timeout: 1h30m
                  backoff: 5s
            setup:  [[npm, ci]]
            checks: [[npm, test]]
            maxParallel: 8
            merge: {mode: none, target: trunk, remote: upstream}
            """);

    BraidConfig config = ConfigLoader.load(file, true, "main", ConfigOverrides.none());

    assertEquals(
        List.of(
            new AgentTier(
                "fast", List.of("claude", "-p", "{prompt}", "--model", "haiku"), 2, 1800, 10),
            new AgentTier(
                "strong", List.of("claude", "-p", "{prompt}", "--model", "sonnet"), 1, 5400, 5)),
        config.tiers());
    assertEquals(List.of(List.of("npm", "ci")), config.setup());
    assertEquals(List.of(List.of("npm", "test")), config.checks());
    assertEquals(8, config.maxParallel());
    assertEquals(MergeMode.NONE, config.merge().mode());
    assertEquals("trunk", config.merge().target());
    assertEquals("upstream", config.merge().remote());
  }

  @Test
  void missingFileGivesDefaultsAndFlagsOverride() {
    BraidConfig config =
        ConfigLoader.load(
            dir.resolve("braid.yaml"), false, "develop", new ConfigOverrides(2, MergeMode.NONE));

    assertEquals(ConfigLoader.defaultTiers(), config.tiers());
    assertEquals(2, config.maxParallel());
    assertEquals(MergeMode.NONE, config.merge().mode());
    assertEquals("develop", config.merge().target());
  }

  @Test
  void parallelChecksDefaultsToTwoAndIsBounded() throws Exception {
    BraidConfig defaults =
        ConfigLoader.load(dir.resolve("braid.yaml"), false, "main", ConfigOverrides.none());
    assertEquals(2, defaults.merge().checksAtOnce());
    Path one = write("merge: {parallelChecks: 1}\n");
    assertEquals(
        1, ConfigLoader.load(one, true, "main", ConfigOverrides.none()).merge().checksAtOnce());
    Path tooMany = write("merge: {parallelChecks: 9}\n");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(tooMany, true, "main", ConfigOverrides.none()));
    assertEquals(
        List.of("braid.yaml: merge.parallelChecks: must be at most 8, not 9"), e.problems());
    Path zero = write("merge: {parallelChecks: 0}\n");
    e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(zero, true, "main", ConfigOverrides.none()));
    assertEquals(
        List.of("braid.yaml: merge.parallelChecks: must be a whole number of at least 1, not '0'"),
        e.problems());
  }

  @Test
  void mergeBatchDefaultsToEightAndIsBounded() throws Exception {
    BraidConfig defaults =
        ConfigLoader.load(dir.resolve("braid.yaml"), false, "main", ConfigOverrides.none());
    assertEquals(8, defaults.merge().batchSize());
    Path one = write("merge: {batch: 1}\n");
    assertEquals(1, ConfigLoader.load(one, true, "main", ConfigOverrides.none()).merge().batch());
    Path tooMany = write("merge: {batch: 65}\n");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(tooMany, true, "main", ConfigOverrides.none()));
    assertEquals(List.of("braid.yaml: merge.batch: must be at most 64, not 65"), e.problems());
    Path zero = write("merge: {batch: 0}\n");
    e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(zero, true, "main", ConfigOverrides.none()));
    assertEquals(
        List.of("braid.yaml: merge.batch: must be a whole number of at least 1, not '0'"),
        e.problems());
  }

  @Test
  void overlapDefaultsToSerializeReadsEachPolicyAndTheFlagWins() throws Exception {
    assertEquals(
        OverlapPolicy.SERIALIZE,
        ConfigLoader.load(dir.resolve("braid.yaml"), false, "main", ConfigOverrides.none())
            .overlap());
    Path warn = write("overlap: warn\n");
    assertEquals(
        OverlapPolicy.WARN,
        ConfigLoader.load(warn, true, "main", ConfigOverrides.none()).overlap());
    assertEquals(OverlapPolicy.WARN, ConfigLoader.overlapPolicy(warn));
    assertEquals(
        OverlapPolicy.IGNORE,
        ConfigLoader.load(warn, true, "main", new ConfigOverrides(null, null, OverlapPolicy.IGNORE))
            .overlap());
    Path wrong = write("overlap: [serialize]\n");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(wrong, true, "main", ConfigOverrides.none()));
    assertEquals(
        List.of("braid.yaml: overlap: must be serialize, warn or ignore, not a list"),
        e.problems());
  }

  @Test
  void githubIssuesNeedPullRequestsAndIsTrueOrFalse() throws Exception {
    Path on = write("merge: {mode: pr}\ngithub: {issues: true}\n");
    assertTrue(ConfigLoader.load(on, true, "main", ConfigOverrides.none()).github().issues());
    assertFalse(
        ConfigLoader.load(dir.resolve("none.yaml"), false, "main", ConfigOverrides.none())
            .github()
            .issues());
    Path direct = write("github: {issues: yes please, watch: true, rounds: 2}\n");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(direct, true, "main", ConfigOverrides.none()));
    assertEquals(
        List.of(
            "braid.yaml: github.rounds: unknown key (known: issues, maxRounds, poll, watch)",
            "braid.yaml: github.issues: must be true or false, not 'yes please'",
            "braid.yaml: github.watch: needs merge.mode: pr (it works on the tasks' pull"
                + " requests), not direct"),
        e.problems());
    Path notPr = write("github: {issues: true}\n");
    e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(notPr, true, "main", ConfigOverrides.none()));
    assertTrue(e.problems().get(0).startsWith("braid.yaml: github.issues: needs merge.mode: pr"));
  }

  @Test
  void githubWatchReadsItsRoundsAndPollAndRefusesWhatIsOutOfRange() throws Exception {
    Path on = write("merge: {mode: pr}\ngithub: {watch: true, maxRounds: 5, poll: 2m}\n");
    var github = ConfigLoader.load(on, true, "main", ConfigOverrides.none()).github();
    assertTrue(github.watch());
    assertEquals(5, github.maxRounds());
    assertEquals(120, github.pollSeconds());
    assertEquals(240, github.pollAfter(1), "each quiet look doubles the wait");
    assertEquals(600, github.pollAfter(10), "up to ten minutes");
    Path bad = write("merge: {mode: pr}\ngithub: {watch: true, maxRounds: 0, poll: 1h}\n");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(bad, true, "main", ConfigOverrides.none()));
    assertEquals(
        List.of(
            "braid.yaml: github.maxRounds: must be a whole number from 1 to 100, not 0",
            "braid.yaml: github.poll: must be at most 10m, the longest wait between two looks at"
                + " a pull request"),
        e.problems());
  }

  @Test
  void namedFileMustExist() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(dir.resolve("nope.yaml"), true, "main", ConfigOverrides.none()));
    assertEquals(List.of(dir.resolve("nope.yaml") + ": file not found"), e.problems());
  }

  @Test
  void listsEveryProblemWithFileAndField() throws Exception {
    Path file =
        write(
            """
            agent:
              tiers:
                - name: fast
                  command: "claude -p {prompt}"
                  attempts: 0
                  timeout: soon
                  color: blue
            checks: [npm test]
            maxParallel: many
            merge: {mode: squash}
            colour: blue
            """);

    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(file, true, "main", ConfigOverrides.none()));

    assertEquals(
        List.of(
            "braid.yaml: colour: unknown key (known: agent, budget, checks, cleanup, copyFiles, env, github, hostWait, maxParallel, merge, notify, overlap, secrets, setup)",
            "braid.yaml: agent.tiers[0].color: unknown key (known: attempts, backoff, command, env, model, name, preset, timeout)",
            "braid.yaml: agent.tiers[0].command: must be a non-empty list of strings (an argv, never a shell string)",
            "braid.yaml: agent.tiers[0].attempts: must be a whole number of at least 1, not '0'",
            "braid.yaml: agent.tiers[0].timeout: must be a duration such as 90s, 30m or 1h, at most 30 days, not 'soon'",
            "braid.yaml: checks[0]: must be a non-empty list of strings (an argv, never a shell string)",
            "braid.yaml: maxParallel: must be a whole number of at least 1, not 'many'",
            "braid.yaml: merge.mode: must be direct, pr or none, not 'squash'"),
        e.problems());
  }

  @Test
  void readsTheRetryChoiceAndTheNotifier() throws Exception {
    Path file =
        write(
            """
            agent:
              onRetry: reset
              tiers: [{name: only, command: [agent]}]
            notify: [notify-send, braid]
            """);

    BraidConfig config = ConfigLoader.load(file, true, "main", ConfigOverrides.none());

    assertEquals(OnRetry.RESET, config.onRetry());
    // The notifier stays with the worker: a webhook's secret in its argv must not enter history.
    assertEquals(List.of(), config.notifyCommand());
    assertEquals(List.of("notify-send", "braid"), ConfigLoader.notifyCommand(file, true));
    assertEquals(
        OnRetry.KEEP,
        ConfigLoader.load(dir.resolve("none.yaml"), false, "main", ConfigOverrides.none())
            .onRetry());
  }

  @Test
  void rejectsABadRetryChoiceAndUnknownAgentKeys() throws Exception {
    Path file =
        write(
            "agent:\n  onRetry: sometimes\n  tier: []\n  tiers: [{name: a, command: [a]}]\nnotify: \"mail me\"\n");

    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(file, true, "main", ConfigOverrides.none()));

    assertEquals(
        List.of(
            "braid.yaml: agent.tier: unknown key (known: onRetry, rateLimit, resolver, tiers)",
            "braid.yaml: agent.onRetry: must be keep or reset, not 'sometimes'",
            "braid.yaml: notify: must be a non-empty list of strings (an argv, never a shell string)"),
        e.problems());
  }

  @Test
  void badYamlNamesTheFile() throws Exception {
    Path file = write("agent: [unclosed\n");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(file, true, "main", ConfigOverrides.none()));
    assertEquals(1, e.problems().size());
    assertEquals(true, e.problems().get(0).startsWith(file + ": not valid YAML"), e.getMessage());
  }

  @Test
  void presetsExpandToTheirArgvOutputAndStdinPrompt() throws Exception {
    Path file =
        write(
            """
            agent:
              tiers:
                - {name: fast, preset: claude-code, model: haiku}
                - {name: strong, preset: codex, model: gpt-5, attempts: 2}
                - {name: custom, command: [my-agent, --, "{prompt}"]}
            """);
    BraidConfig config = ConfigLoader.load(file, true, "main", ConfigOverrides.none());
    assertEquals(
        new AgentTier(
            "fast",
            List.of(
                "claude",
                "-p",
                "--output-format",
                "json",
                "--model",
                "haiku",
                "--permission-mode",
                "acceptEdits"),
            1,
            1800,
            10,
            "claude-code",
            true),
        config.tiers().get(0));
    assertEquals(
        new AgentTier(
            "strong",
            List.of(
                "codex", "exec", "--json", "--model", "gpt-5", "--sandbox", "workspace-write", "-"),
            2,
            1800,
            10,
            "codex",
            true),
        config.tiers().get(1));
    assertEquals(
        new AgentTier("custom", List.of("my-agent", "--", "{prompt}"), 1, 1800, 10, null, false),
        config.tiers().get(2));
    assertEquals(List.of(".env", ".env.local"), config.copyFiles());
  }

  @Test
  void presetMistakesAreNamed() throws Exception {
    Path file =
        write(
            """
            agent:
              tiers:
                - {name: a, preset: gemini}
                - {name: b, preset: codex, command: [codex]}
                - {name: c, command: [x], model: haiku}
            copyFiles: [.env, ../secrets, /etc/passwd]
            """);
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(file, true, "main", ConfigOverrides.none()));
    assertEquals(
        List.of(
            "braid.yaml: agent.tiers[0].preset: unknown preset 'gemini' (known: claude-code,"
                + " codex); use command: for any other agent",
            "braid.yaml: agent.tiers[1]: give either preset or command, not both",
            "braid.yaml: agent.tiers[2].model: goes with preset; put it in the command instead",
            "braid.yaml: copyFiles[1]: must be a path inside the repository, not '../secrets'",
            "braid.yaml: copyFiles[2]: must be a path inside the repository, not '/etc/passwd'"),
        e.problems());
  }

  @Test
  void readsBudgetsAndRateLimitWaitsAndNamesWhatIsWrongWithThem() throws Exception {
    Path good =
        write(
            """
            agent:
              rateLimit: {wait: 30s, maxWait: 10m}
              tiers: [{name: only, command: [agent]}]
            budget: {perTask: 2.00, perRun: 20}
            """);
    BraidConfig config = ConfigLoader.load(good, true, "main", ConfigOverrides.none());
    assertEquals(2.00, config.budget().perTaskUsd());
    assertEquals(20.0, config.budget().perRunUsd());
    assertEquals(30, config.rateLimit().waitSeconds());
    assertEquals(600, config.rateLimit().maxWaitSeconds());

    Path bad =
        write(
            """
            agent:
              rateLimit: {wait: 10m, maxWait: 1m, often: yes}
              tiers: [{name: only, command: [agent]}]
            budget: {perTask: -1, perRun: lots, perDay: 3}
            """);
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(bad, true, "main", ConfigOverrides.none()));
    String all = String.join("\n", e.problems());
    assertTrue(all.contains("braid.yaml: agent.rateLimit.often: unknown key"), all);
    assertTrue(all.contains("braid.yaml: agent.rateLimit.maxWait: must be at least wait"), all);
    assertTrue(all.contains("braid.yaml: budget.perDay: unknown key"), all);
    assertTrue(all.contains("braid.yaml: budget.perTask: must be an amount in US dollars"), all);
    assertTrue(all.contains("braid.yaml: budget.perRun: must be an amount in US dollars"), all);
  }
}
