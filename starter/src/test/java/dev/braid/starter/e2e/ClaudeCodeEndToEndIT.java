package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.starter.testsupport.Git;
import dev.braid.starter.testsupport.TestRepos;
import dev.braid.testsupport.anthropic.FakeAnthropic;
import dev.braid.testsupport.anthropic.ModelTurn;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * braid with the real Claude Code CLI, through the {@code claude-code} preset, against a loopback
 * stand-in of the Messages API: the files the CLI's own Write and Edit tools made are merged, the
 * report's tokens and cost are what the stand-in billed, and a failing check's output reaches the
 * next attempt's prompt.
 */
@Tag("e2e")
class ClaudeCodeEndToEndIT extends EndToEndTest {
  /** Claude Code's list prices for this model, US dollars per token (input, output). */
  private static final double SONNET_45_INPUT = 3.0 / 1_000_000;

  private static final double SONNET_45_OUTPUT = 15.0 / 1_000_000;

  @Test
  void aPlanWithADependencyRunsThroughTheRealCli() throws Exception {
    Path origin = TestRepos.bareOrigin(tmp);
    repo = TestRepos.init(tmp.resolve("repo"), "claude-e2e");
    write(
        "braid.yaml",
        """
        agent:
          tiers:
            - {name: fast, preset: claude-code, model: claude-sonnet-4-5, attempts: 2, backoff: 1s, timeout: 2m}
        checks: [[python3, check.py]]
        maxParallel: 2
        """);
    write(
        "check.py",
        """
        import pathlib, sys
        b = pathlib.Path("b.txt")
        if b.exists() and b.read_text().strip() != "b builds on: a was here":
            print("CHECK-FAILED: b.txt says " + repr(b.read_text().strip()))
            sys.exit(1)
        """);
    write(
        ".parallel/plans/plan.yaml",
        """
        metadata: {name: claude e2e}
        tasks:
          - {id: a, name: Write a, file: tasks/a.md, priority: high, dependencies: []}
          - {id: b, name: Write b, file: tasks/b.md, priority: high, dependencies: [a]}
        """);
    write(
        ".parallel/plans/tasks/a.md",
        "---\nid: a\nstatus: pending\n---\n# Write a\n\nWrite a.txt.\n");
    write(
        ".parallel/plans/tasks/b.md",
        "---\nid: b\nstatus: pending\n---\n# Write b\n\nWrite b.txt.\n");
    TestRepos.commitAll(repo, "Plan");
    TestRepos.pushToOrigin(repo, origin);

    try (FakeAnthropic api = new FakeAnthropic()) {
      // a writes a typo with Write, then fixes it with Edit in a later turn of the same session.
      api.conversation(
          "a",
          ModelTurn.write("a.txt", "a wsa here\n"),
          ModelTurn.edit("a.txt", "wsa", "was"),
          ModelTurn.endTurn("Wrote a.txt."));
      // b's first attempt writes what the check refuses; the second gets the check's words back.
      api.conversation("b", ModelTurn.write("b.txt", "wrong\n"), ModelTurn.endTurn("Wrote b.txt."));
      // The retry starts from the worktree the first attempt left: the CLI reads b.txt before it
      // may
      // replace it.
      api.conversation(
          "b",
          ModelTurn.read("b.txt"),
          ModelTurn.write("b.txt", "b builds on: a was here\n"),
          ModelTurn.endTurn("Fixed."));

      BraidProcess.Result result =
          BraidProcess.run(
              repo, ClaudeCodeEnv.of(api, tmp.resolve("claude-config")), "execute", "--json");

      assertEquals(0, result.exitCode(), result.toString());
      JsonNode run = JSON.readTree(result.out());
      assertEquals("done", run.get("status").asText(), result.toString());
      // Written by the CLI's own Write and Edit tools, committed and merged into main and origin.
      assertEquals(
          "a was here\n",
          Files.readString(repo.resolve("a.txt")),
          "the Edit's tool result: " + toolResultOf(api, "Edit"));
      assertEquals("a was here", Git.run(origin, "show", "main:a.txt"));
      assertEquals("b builds on: a was here\n", Files.readString(repo.resolve("b.txt")));
      assertEquals(Git.run(repo, "rev-parse", "main"), Git.run(origin, "rev-parse", "main"));

      // The failing check's output reached the prompt of b's second attempt, as Claude sent it.
      long retriesWithFeedback =
          api.requests().stream()
              .filter(r -> r.path("messages").size() == 1)
              .map(JsonNode::toString)
              .filter(r -> r.contains("(task b)") && r.contains("CHECK-FAILED: b.txt says 'wrong'"))
              .count();
      assertEquals(1, retriesWithFeedback, "b's second conversation carries the check's output");

      // Tokens and cost: what the stand-in billed, summed over every attempt of every task.
      long input = 0;
      long output = 0;
      double cost = 0;
      for (JsonNode task : run.get("tasks")) {
        input += task.get("usage").get("inputTokens").asLong();
        output += task.get("usage").get("outputTokens").asLong();
        cost += task.get("usage").get("costUsd").asDouble();
      }
      assertEquals(api.billedInputTokens(), input);
      assertEquals(api.billedOutputTokens(), output);
      double billed =
          api.billedInputTokens() * SONNET_45_INPUT + api.billedOutputTokens() * SONNET_45_OUTPUT;
      assertEquals(billed, cost, 1e-9, "Claude Code prices the stand-in's tokens at list price");
      assertTrue(api.billedInputTokens() >= 7 * FakeAnthropic.INPUT_TOKENS_PER_ANSWER);
    }
  }

  /** What the CLI sent back for the first call of this tool, for a failure's message. */
  private static String toolResultOf(FakeAnthropic api, String tool) {
    return api.requests().stream()
        .map(r -> r.path("messages"))
        .filter(m -> m.toString().contains("\"name\":\"" + tool + "\""))
        .map(m -> m.get(m.size() - 1).toString())
        .findFirst()
        .orElse("(none)");
  }

  private void write(String path, String text) throws Exception {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
