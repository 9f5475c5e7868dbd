package dev.braid.starter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.starter.PlainComponents;
import dev.braid.workflow.BlockKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The help reads whole: every command's summary is one sentence that ends, examples paste as they
 * are printed, and every command that prints a result can print it as JSON.
 */
class HelpTextTest {
  private static final List<String> PRINT_RESULTS =
      List.of(
          "execute", "status", "list", "unblock", "cancel", "report", "cleanup", "server", "demo");

  private static CommandLine tree(PlainComponents components) {
    return CommandTree.full(components);
  }

  @Test
  void everyCommandHasASummaryThatIsAWholeSentence() {
    try (PlainComponents components = new PlainComponents()) {
      tree(components)
          .getSubcommands()
          .forEach(
              (name, sub) -> {
                if (name.equals("help")) {
                  return;
                }
                String[] header = sub.getCommandSpec().usageMessage().header();
                assertEquals(1, header.length, name + " has a one-line summary");
                assertTrue(header[0].endsWith("."), name + ": " + header[0]);
                sub.getSubcommands()
                    .forEach(
                        (child, c) ->
                            assertTrue(
                                c.getCommandSpec().usageMessage().header()[0].endsWith("."),
                                name + " " + child));
              });
    }
  }

  @Test
  void theCommandListShowsWholeSummaries() {
    CliHarness.Result r = CliHarness.run("--help");
    assertEquals(0, r.exitCode(), r.err());
    // picocli wraps a long summary onto an indented next line; read as text, each is whole.
    String commands = r.out().substring(r.out().indexOf("Commands:")).replaceAll("\\s+", " ");
    assertTrue(
        commands.contains(
            "status Shows where a run stands, from what Temporal stores: no worker needed."),
        commands);
    assertFalse(commands.contains("with the unblock"), commands);
  }

  @Test
  void everyCommandThatPrintsAResultTakesJson() {
    try (PlainComponents components = new PlainComponents()) {
      CommandLine tree = tree(components);
      for (String name : PRINT_RESULTS) {
        assertTrue(
            tree.getSubcommands().get(name).getCommandSpec().findOption("--json") != null, name);
      }
      assertTrue(
          tree.getSubcommands()
                  .get("init")
                  .getSubcommands()
                  .get("claude")
                  .getCommandSpec()
                  .findOption("--json")
              != null,
          "init claude");
      CommandLine plan = tree.getSubcommands().get("plan");
      for (String name : List.of("validate", "graph")) {
        assertTrue(
            plan.getSubcommands().get(name).getCommandSpec().findOption("--json") != null, name);
      }
    }
  }

  @Test
  void descriptionsBreakLinesOnlyBetweenSentences() {
    try (PlainComponents components = new PlainComponents()) {
      List<CommandLine> commands = new java.util.ArrayList<>();
      collect(tree(components), commands);
      for (CommandLine command : commands) {
        for (String line : command.getCommandSpec().usageMessage().description()) {
          String end = line.replace("%n", "").strip();
          assertTrue(
              end.isEmpty() || end.endsWith(".") || end.endsWith(":") || end.endsWith(")"),
              command.getCommandSpec().qualifiedName() + ": a line breaks mid-sentence: " + line);
        }
      }
    }
  }

  @Test
  void unblocksSignalExampleKeepsItsJsonOnOneLine() {
    CliHarness.Result r = CliHarness.run("unblock", "--help");
    assertTrue(
        r.out()
            .contains(
                "  temporal workflow signal -w braid-demo-0123abcd --name unblock \\\n"
                    + "    --input '{\"taskId\": \"task-2\", \"action\": \"retry\"}'"),
        r.out());
  }

  @Test
  void unblockHelpSaysWhatRetryDoesForEveryKindThatIsNotAWait() {
    CliHarness.Result r = CliHarness.run("unblock", "--help");
    assertEquals(0, r.exitCode(), r.err());
    assertFalse(r.out().contains("null"), r.out());
    List<String> lines = r.out().lines().toList();
    for (BlockKind kind : BlockKind.values()) {
      if (kind.isWait()) {
        continue;
      }
      String row =
          lines.stream()
              .filter(line -> line.startsWith("  " + kind.label() + " "))
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError("no row for " + kind.label() + ":\n" + r.out()));
      // label (22), decisions (17), then what --retry does: the row must go on past both columns.
      assertTrue(row.length() > 2 + 22 + 1 + 17 + 1, "nothing after the decisions: " + row);
    }
  }

  @Test
  void noCommandsExampleLineIsWrapped() {
    try (PlainComponents components = new PlainComponents()) {
      List<CommandLine> commands = new java.util.ArrayList<>();
      collect(tree(components), commands);
      for (CommandLine command : commands) {
        var usage = command.getCommandSpec().usageMessage();
        String rendered = command.getUsageMessage();
        List<String> renderedLines = rendered.lines().toList();
        boolean inExamples = false;
        for (String line : usage.footer()) {
          if (line.isBlank()) {
            inExamples = false;
          } else if (line.equals("Examples:")) {
            inExamples = true;
          } else if (inExamples) {
            String name = command.getCommandSpec().qualifiedName();
            assertTrue(
                line.length() <= usage.width(),
                name
                    + ": example is "
                    + line.length()
                    + " columns, over "
                    + usage.width()
                    + " (break it with \\): "
                    + line);
            assertTrue(renderedLines.contains(line), name + " wraps its example: " + line);
          }
        }
      }
    }
  }

  private static void collect(CommandLine command, List<CommandLine> into) {
    into.add(command);
    command.getSubcommands().values().forEach(sub -> collect(sub, into));
  }

  @Test
  void planValidateJsonListsEveryProblemWithExitTwo() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("braid-plan-json");
    java.nio.file.Files.writeString(
        dir.resolve("plan.yaml"),
        "metadata: {name: p}\ntasks:\n  - {id: a, file: tasks/nope.md, dependencies: [b]}\n");
    CliHarness.Result r = CliHarness.run("plan", "validate", "--plan", dir.toString(), "--json");
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.out() + r.err());
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertFalse(json.get("ok").asBoolean());
    assertTrue(json.get("problems").size() >= 2, r.out());
    assertEquals("a", json.get("problems").get(0).get("task").asText(), r.out());
  }
}
