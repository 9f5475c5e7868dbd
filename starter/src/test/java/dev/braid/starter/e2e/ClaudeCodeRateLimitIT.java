package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.starter.testsupport.BraidLauncher;
import dev.braid.starter.testsupport.Git;
import dev.braid.starter.testsupport.TestRepos;
import dev.braid.testsupport.anthropic.FakeAnthropic;
import dev.braid.testsupport.anthropic.ModelTurn;
import dev.braid.testsupport.anthropic.Refusal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A rate limit that outlasts the real Claude Code CLI's own retries is a wait, not a failure: the
 * task shows it waits, runs the same attempt again when the wait is over, and ends on its first
 * tier with one attempt, the try after the wait resuming the CLI's session. The stand-in refuses
 * every request until the test has seen the wait in {@code braid status}, so the wait lasts as long
 * as the test needs to look, and no assertion depends on timing.
 */
@Tag("e2e")
class ClaudeCodeRateLimitIT extends RateLimitedRunTest {
  /** The CLI's own retries, bounded so that it gives up within seconds rather than minutes. */
  private static final int CLI_RETRIES = 1;

  @Test
  void aLimitLongerThanTheClisRetriesIsWaitedOutAndTheTaskEndsOnItsFirstTier() throws Exception {
    Path origin = TestRepos.bareOrigin(tmp);
    repo = TestRepos.init(tmp.resolve("repo"), "claude-rate-limit");
    write(
        "braid.yaml",
        """
        agent:
          tiers:
            - {name: fast, preset: claude-code, model: claude-sonnet-4-5, attempts: 1, timeout: 2m}
            - {name: strong, preset: claude-code, model: claude-sonnet-4-5, attempts: 1, timeout: 2m}
          rateLimit: {wait: 2s, maxWait: 10s}
        """);
    write(
        ".parallel/plans/plan.yaml",
        """
        metadata: {name: claude rate limit}
        tasks:
          - {id: a, name: Write a, file: tasks/a.md, priority: high, dependencies: []}
        """);
    write(".parallel/plans/tasks/a.md", "---\nid: a\n---\n# Write a\n\nWrite a.txt.\n");
    TestRepos.commitAll(repo, "Plan");
    TestRepos.pushToOrigin(repo, origin);

    try (FakeAnthropic api = new FakeAnthropic()) {
      api.conversation("a", ModelTurn.write("a.txt", "a was here\n"), ModelTurn.endTurn("Done."));
      // Refused until the test lets go: far more requests than the CLI's own retries cover.
      api.refuse(Integer.MAX_VALUE, new Refusal(429, 1));
      Map<String, String> env = ClaudeCodeEnv.of(api, tmp.resolve("claude-config"));
      env.put("CLAUDE_CODE_MAX_RETRIES", Integer.toString(CLI_RETRIES));
      execute =
          BraidLauncher.command(
                  repo,
                  env,
                  tmp.resolve("execute.out"),
                  tmp.resolve("execute.err"),
                  "execute",
                  "--json")
              .start();

      // While it waits the task is running, with a rate-limit blocker that asks nobody anything.
      JsonNode waiting = statusUntil(RateLimitedRunTest::waitsOnRateLimit);
      assertEquals(
          List.of(), JSON.convertValue(waiting.get("blocker").get("decisions"), List.class));
      assertTrue(
          waiting.get("reason").asText().startsWith("waiting: rate limit until "),
          waiting.toString());
      assertTrue(waiting.get("reason").asText().contains("429"), "the agent's words: " + waiting);
      // And as a person reads it: the task's line says it runs, and why it does not move.
      textStatusUntil(
          out ->
              out.lines()
                  .anyMatch(
                      line ->
                          line.startsWith("a ")
                              && line.contains(" running ")
                              && line.contains("waiting: rate limit until ")));
      // The CLI spent its own retries (the first request and CLI_RETRIES more) before braid
      // waited; a try after the wait may or may not have come yet, so this is a floor.
      int refusedWhileWaiting = api.refusedRequests();
      assertTrue(
          refusedWhileWaiting >= CLI_RETRIES + 1,
          "the CLI gave up and the task waited before the stand-in let go: " + refusedWhileWaiting);

      api.refuse(0, new Refusal(429, 1));
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
      // The CLI's own Write tool made the file, and it is merged into main.
      assertEquals("a was here\n", Files.readString(repo.resolve("a.txt")));
      assertEquals("a was here", Git.run(origin, "show", "main:a.txt"));
      // The stand-in refused, then answered the whole conversation: a Write, then the end.
      List<JsonNode> requests = api.requests();
      assertEquals(
          api.refusedRequests() + 2, requests.size(), "two answered requests after the refusals");
      assertEquals(2 * FakeAnthropic.INPUT_TOKENS_PER_ANSWER, api.billedInputTokens());
      assertEquals(api.billedInputTokens(), a.get("usage").get("inputTokens").asLong());
      // The try after the wait resumed the session the limited try named: the conversation it
      // sent holds the task, then the message that says to carry on; and its log says so.
      String resumed = requests.get(requests.size() - 2).path("messages").toString();
      assertTrue(resumed.contains("(task a)"), resumed);
      assertTrue(resumed.contains("rate limit stopped you"), resumed);
      String log = attemptLog("1-fast.log");
      assertTrue(log.contains("1 (fast): agent claude, resuming session "), log);
    }
  }
}
