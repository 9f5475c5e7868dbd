package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.starter.testsupport.BraidLauncher;
import dev.braid.starter.testsupport.Git;
import dev.braid.starter.testsupport.TestRepos;
import dev.braid.testsupport.openai.CodexTurn;
import dev.braid.testsupport.openai.FakeOpenAi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A rate limit that outlasts the real Codex CLI's own retries is a wait, not a failure: the task
 * shows it waits, runs the same attempt again when the wait is over, resuming Codex's thread, and
 * ends on its first tier with one attempt. The stand-in answers 429 as the OpenAI API does for a
 * rate limit until the test has seen the wait in {@code braid status}; Codex's own retries are
 * bounded in its provider's config ({@code request_max_retries}, {@code stream_max_retries}), so it
 * gives up within seconds.
 */
@Tag("e2e")
class CodexRateLimitIT extends RateLimitedRunTest {
  /** Codex's own retries of a refused request. */
  private static final int CLI_RETRIES = 1;

  @Test
  void aLimitLongerThanTheClisRetriesIsWaitedOutAndTheTaskEndsOnItsFirstTier() throws Exception {
    Path origin = TestRepos.bareOrigin(tmp);
    repo = TestRepos.init(tmp.resolve("repo"), "codex-rate-limit");
    write(
        "braid.yaml",
        """
        agent:
          tiers:
            - {name: fast, preset: codex, model: gpt-5, attempts: 1, timeout: 2m}
            - {name: strong, preset: codex, model: gpt-5, attempts: 1, timeout: 2m}
          rateLimit: {wait: 2s, maxWait: 10s}
        """);
    write(
        ".parallel/plans/plan.yaml",
        """
        metadata: {name: codex rate limit}
        tasks:
          - {id: a, name: Write a, file: tasks/a.md, priority: high, dependencies: []}
        """);
    write(".parallel/plans/tasks/a.md", "---\nid: a\n---\n# Write a\n\nWrite a.txt.\n");
    TestRepos.commitAll(repo, "Plan");
    TestRepos.pushToOrigin(repo, origin);

    try (FakeOpenAi api = new FakeOpenAi()) {
      Path codexHome = tmp.resolve("codex-home");
      api.writeCodexConfig(codexHome, CLI_RETRIES);
      api.conversation("a", CodexTurn.write("a.txt", "a was here\n"), CodexTurn.say("Done."));
      // Refused until the test lets go: far more requests than the CLI's own retries cover.
      api.rateLimit(Integer.MAX_VALUE, 1);
      Map<String, String> env =
          Map.of(
              "PATH",
              AgentClis.bin("codex") + ":" + System.getenv("PATH"),
              "CODEX_HOME",
              codexHome.toString(),
              "OPENAI_API_KEY",
              "sk-test-not-a-secret");
      execute =
          BraidLauncher.command(
                  repo,
                  env,
                  tmp.resolve("execute.out"),
                  tmp.resolve("execute.err"),
                  "execute",
                  "--json")
              .start();

      // While it waits the task is running, with a rate-limit blocker that asks nobody anything,
      // and Codex's own words: it gave up on a 429.
      JsonNode waiting = statusUntil(RateLimitedRunTest::waitsOnRateLimit);
      assertEquals(
          List.of(), JSON.convertValue(waiting.get("blocker").get("decisions"), List.class));
      String reason = waiting.get("reason").asText();
      assertTrue(reason.startsWith("waiting: rate limit until "), waiting.toString());
      assertTrue(reason.contains("429 Too Many Requests"), "the agent's words: " + waiting);
      String status =
          textStatusUntil(
              out ->
                  out.lines()
                      .anyMatch(
                          line ->
                              line.startsWith("a ")
                                  && line.contains(" running ")
                                  && line.contains("waiting: rate limit until ")));
      int refusedWhileWaiting = api.refusedRequests();
      assertTrue(
          refusedWhileWaiting >= CLI_RETRIES + 1,
          "the CLI gave up and the task waited before the stand-in let go: " + refusedWhileWaiting);

      api.rateLimit(0, 0);
      assertTrue(execute.waitFor(5, TimeUnit.MINUTES), "execute ends with the run");
      String out = Files.readString(tmp.resolve("execute.out"));
      String err = Files.readString(tmp.resolve("execute.err"));
      assertEquals(0, execute.exitValue(), out + err);

      JsonNode run = JSON.readTree(out);
      assertEquals("done", run.get("status").asText(), out);
      JsonNode a = run.get("tasks").get(0);
      assertEquals(List.of("fast"), JSON.convertValue(a.get("tiers"), List.class), "no escalation");
      assertEquals(1, a.get("attempts").asInt(), "the rate-limited runs are not counted: " + a);
      assertTrue(a.get("blocker").isNull(), a.toString());
      // Codex's own shell tool wrote the file, and it is merged into main.
      assertEquals("a was here\n", Files.readString(repo.resolve("a.txt")));
      assertEquals("a was here", Git.run(origin, "show", "main:a.txt"));
      // After the refusals, the resumed thread: the task, the message to carry on, the answers.
      List<JsonNode> requests = api.requests();
      assertEquals(api.refusedRequests() + 2, requests.size(), status);
      String resumed = requests.get(requests.size() - 2).path("input").toString();
      assertTrue(resumed.contains("(task a)"), resumed);
      assertTrue(resumed.contains("rate limit stopped you"), resumed);
      assertTrue(attemptLog("1-fast.log").contains("1 (fast): agent codex, resuming session "));
      // Tokens as billed (the resumed thread counts them all), cost unknown: never guessed.
      assertEquals(2 * FakeOpenAi.INPUT_TOKENS_PER_ANSWER, api.billedInputTokens());
      assertEquals(api.billedInputTokens(), a.get("usage").get("inputTokens").asLong());
      assertTrue(a.get("usage").get("costUsd").isNull(), a.toString());
    }
  }
}
