package dev.braid.starter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.braid.starter.testsupport.TestRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code braid init claude}: the slash commands, and rules merged into the user's settings. */
class InitClaudeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path repo;

  @BeforeEach
  void setUp() throws Exception {
    repo = TestRepos.init(tmp.resolve("repo"), "init");
  }

  @Test
  void aFreshRepositoryGetsTheCommandsAndTheRules() throws Exception {
    CliHarness.Result r = CliHarness.run("init", "claude", "--repo", repo.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.out().contains("wrote      .claude/commands/braid/execute.md (/braid:execute)"), r.out());
    String execute = Files.readString(repo.resolve(".claude/commands/braid/execute.md"));
    assertTrue(execute.startsWith("---\ndescription: "), execute);
    assertTrue(execute.contains("braid execute --json $ARGUMENTS"), execute);
    assertTrue(
        Files.readString(repo.resolve(".claude/commands/braid/status.md"))
            .contains("braid status --json"));
    assertTrue(
        Files.readString(repo.resolve(".claude/commands/braid/unblock.md"))
            .contains("braid unblock"));
    assertEquals(
        List.of("Bash(braid execute:*)", "Bash(braid status:*)", "Bash(braid unblock:*)"),
        allow(JSON.readTree(repo.resolve(".claude/settings.json").toFile())));
  }

  @Test
  void jsonListsTheFilesWrittenAndThePermissionsAdded() throws Exception {
    CliHarness.Result first = CliHarness.run("init", "claude", "--repo", repo.toString(), "--json");
    assertEquals(0, first.exitCode(), first.err());
    JsonNode doc = JSON.readTree(first.out());
    assertEquals(repo.toString(), doc.get("repo").asText(), first.out());
    assertEquals(
        List.of(
            ".claude/commands/braid/execute.md",
            ".claude/commands/braid/status.md",
            ".claude/commands/braid/unblock.md"),
        texts(doc.get("written")));
    assertEquals(List.of(), texts(doc.get("unchanged")));
    assertEquals(".claude/settings.json", doc.get("settings").asText());
    assertEquals(
        List.of("Bash(braid execute:*)", "Bash(braid status:*)", "Bash(braid unblock:*)"),
        texts(doc.get("permissionsAdded")));

    CliHarness.Result again = CliHarness.run("init", "claude", "--repo", repo.toString(), "--json");
    JsonNode second = JSON.readTree(again.out());
    assertEquals(List.of(), texts(second.get("written")), again.out());
    assertEquals(3, second.get("unchanged").size(), again.out());
    assertEquals(List.of(), texts(second.get("permissionsAdded")), again.out());
  }

  @Test
  void existingSettingsAreKeptAndOnlyTheMissingRulesAdded() throws Exception {
    Path settings = repo.resolve(".claude/settings.json");
    Files.createDirectories(settings.getParent());
    Files.writeString(
        settings,
        """
        {
          "model": "sonnet",
          "permissions": {
            "allow": ["Bash(npm test:*)", "Bash(braid status:*)"],
            "deny": ["Read(./.env)"]
          },
          "env": {"FOO": "1"}
        }
        """);

    CliHarness.Result first = CliHarness.run("init", "claude", "--repo", repo.toString());
    assertEquals(0, first.exitCode(), first.err());
    JsonNode merged = JSON.readTree(settings.toFile());
    assertEquals(
        List.of(
            "Bash(npm test:*)",
            "Bash(braid status:*)",
            "Bash(braid execute:*)",
            "Bash(braid unblock:*)"),
        allow(merged));
    assertEquals("sonnet", merged.get("model").asText());
    assertEquals("Read(./.env)", merged.get("permissions").get("deny").get(0).asText());
    assertEquals("1", merged.get("env").get("FOO").asText());
    List<String> keys = new ArrayList<>();
    merged.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("model", "permissions", "env"), keys);

    String before = Files.readString(settings);
    CliHarness.Result again = CliHarness.run("init", "claude", "--repo", repo.toString());
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("unchanged  .claude/commands/braid/execute.md"), again.out());
    assertTrue(again.out().contains("unchanged  .claude/settings.json"), again.out());
    assertEquals(before, Files.readString(settings));
  }

  @Test
  void settingsThatAreNotJsonAreRefusedAndNothingIsWritten() throws Exception {
    Path settings = repo.resolve(".claude/settings.json");
    Files.createDirectories(settings.getParent());
    Files.writeString(
        settings, "{\n  \"permissions\": {\n    \"allow\": [\"Bash(ls:*)\",]\n  }\n}\n");

    CliHarness.Result r = CliHarness.run("init", "claude", "--repo", repo.toString());

    assertEquals(2, r.exitCode());
    assertTrue(
        r.err().startsWith("braid: " + settings + " is not valid JSON (line 3, column"), r.err());
    assertTrue(r.err().contains("nothing was changed"), r.err());
    assertFalse(Files.exists(repo.resolve(".claude/commands")));
  }

  @Test
  void aPermissionsFieldOfTheWrongTypeIsNamed() throws Exception {
    Path settings = repo.resolve(".claude/settings.json");
    Files.createDirectories(settings.getParent());
    Files.writeString(settings, "{\"permissions\": {\"allow\": \"Bash(ls:*)\"}}");

    CliHarness.Result r = CliHarness.run("init", "claude", "--repo", repo.toString());

    assertEquals(2, r.exitCode());
    assertEquals(
        "braid: " + settings + ": permissions.allow must be a list; nothing was changed\n",
        r.err());
  }

  @Test
  void aCommandTheUserChangedIsKeptUnlessForced() throws Exception {
    assertEquals(0, CliHarness.run("init", "claude", "--repo", repo.toString()).exitCode());
    Path execute = repo.resolve(".claude/commands/braid/execute.md");
    Files.writeString(execute, "my own instructions\n");

    CliHarness.Result kept = CliHarness.run("init", "claude", "--repo", repo.toString());
    assertEquals(2, kept.exitCode());
    assertTrue(
        kept.err().contains(execute + " differs from braid's; nothing was changed"), kept.err());
    assertEquals("my own instructions\n", Files.readString(execute));

    CliHarness.Result forced =
        CliHarness.run("init", "claude", "--repo", repo.toString(), "--force");
    assertEquals(0, forced.exitCode(), forced.err());
    assertTrue(Files.readString(execute).contains("braid execute --json"));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static List<String> allow(JsonNode settings) {
    List<String> rules = new ArrayList<>();
    settings.get("permissions").get("allow").forEach(rule -> rules.add(rule.asText()));
    return rules;
  }
}
