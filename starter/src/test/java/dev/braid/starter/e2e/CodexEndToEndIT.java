package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.starter.testsupport.Git;
import dev.braid.starter.testsupport.TestRepos;
import dev.braid.testsupport.openai.CodexTurn;
import dev.braid.testsupport.openai.FakeOpenAi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * braid with the real Codex CLI, through the {@code codex} preset exactly as the README documents
 * it, against a loopback stand-in of the Responses API chosen in {@code CODEX_HOME/config.toml}:
 * the files the CLI's own shell tool wrote are merged, the report's tokens are what the stand-in
 * billed while its cost stays unknown, and a failing check's output reaches the next attempt's
 * prompt.
 */
@Tag("e2e")
class CodexEndToEndIT extends EndToEndTest {

  @Test
  void aPlanWithADependencyRunsThroughTheRealCli() throws Exception {
    Path bin = AgentClis.bin("codex");
    Path origin = TestRepos.bareOrigin(tmp);
    repo = TestRepos.init(tmp.resolve("repo"), "codex-e2e");
    write(
        "braid.yaml",
        """
        agent:
          tiers:
            - {name: fast, preset: codex, model: gpt-5, attempts: 2, backoff: 1s, timeout: 2m}
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
        metadata: {name: codex e2e}
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

    try (FakeOpenAi api = new FakeOpenAi()) {
      Path codexHome = tmp.resolve("codex-home");
      api.writeCodexConfig(codexHome);
      api.conversation(
          "a", CodexTurn.write("a.txt", "a was here\n"), CodexTurn.say("Wrote a.txt."));
      // b's first attempt writes what the check refuses; the second gets the check's words back.
      api.conversation("b", CodexTurn.write("b.txt", "wrong\n"), CodexTurn.say("Wrote b.txt."));
      api.conversation(
          "b", CodexTurn.write("b.txt", "b builds on: a was here\n"), CodexTurn.say("Fixed."));

      BraidProcess.Result result =
          BraidProcess.run(
              repo,
              Map.of(
                  "PATH",
                  bin + ":" + System.getenv("PATH"),
                  "CODEX_HOME",
                  codexHome.toString(),
                  "OPENAI_API_KEY",
                  "sk-test-not-a-secret"),
              "execute",
              "--json");

      assertEquals(0, result.exitCode(), result.toString());
      JsonNode run = JSON.readTree(result.out());
      assertEquals("done", run.get("status").asText(), result.toString());
      // Written by the CLI's own shell tool, committed and merged into main and origin.
      assertEquals("a was here\n", Files.readString(repo.resolve("a.txt")));
      assertEquals("b builds on: a was here\n", Files.readString(repo.resolve("b.txt")));
      assertEquals(Git.run(repo, "rev-parse", "main"), Git.run(origin, "rev-parse", "main"));

      // The failing check's output reached the prompt of b's second attempt, as Codex sent it.
      long retriesWithFeedback =
          api.requests().stream()
              .filter(r -> !r.path("input").toString().contains("\"function_call\""))
              .map(JsonNode::toString)
              .filter(r -> r.contains("(task b)") && r.contains("CHECK-FAILED: b.txt says 'wrong'"))
              .count();
      assertEquals(1, retriesWithFeedback, "b's second conversation carries the check's output");

      // Tokens: what the stand-in billed, over every attempt of every task. Cost: never guessed.
      long input = 0;
      long output = 0;
      for (JsonNode task : run.get("tasks")) {
        input += task.get("usage").get("inputTokens").asLong();
        output += task.get("usage").get("outputTokens").asLong();
        assertTrue(task.get("usage").get("costUsd").isNull(), task.toString());
      }
      assertEquals(6 * FakeOpenAi.INPUT_TOKENS_PER_ANSWER, api.billedInputTokens());
      assertEquals(api.billedInputTokens(), input);
      assertEquals(api.billedOutputTokens(), output);
      String runId = run.get("runId").asText();
      JsonNode report =
          JSON.readTree(repo.resolve(".parallel/reports/" + runId + "/latest.json").toFile());
      assertEquals(api.billedInputTokens(), report.get("usage").get("inputTokens").asLong());
      assertEquals(api.billedOutputTokens(), report.get("usage").get("outputTokens").asLong());
      assertTrue(report.get("usage").get("costUsd").isNull(), report.get("usage").toString());
      assertFalse(report.get("usage").get("costKnown").asBoolean());
      // Every task reported its tokens, so their total is known though the cost is not.
      assertTrue(report.get("usage").get("tokensKnown").asBoolean(), report.toString());
      String markdown = Files.readString(repo.resolve(".parallel/reports/" + runId + "/latest.md"));
      assertTrue(markdown.contains("| cost | unknown |"), markdown);
      assertTrue(
          markdown.contains(
              "| tokens in / out | "
                  + api.billedInputTokens()
                  + " / "
                  + api.billedOutputTokens()
                  + " |"),
          markdown);
    }
  }

  private void write(String path, String text) throws Exception {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
