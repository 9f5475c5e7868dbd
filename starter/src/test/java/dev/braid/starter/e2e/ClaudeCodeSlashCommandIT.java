package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.starter.run.RunIds;
import dev.braid.starter.testsupport.Git;
import dev.braid.starter.testsupport.ScriptedAgent;
import dev.braid.starter.testsupport.TestRepos;
import dev.braid.testsupport.anthropic.FakeAnthropic;
import dev.braid.testsupport.anthropic.ModelTurn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A Contextune user's day with braid, through the real Claude Code CLI against the stand-in API:
 * they ask for a plan, the model writes it in the conversation, they type {@code /braid:execute},
 * the model calls {@code braid execute --json} with its Bash tool (allowed by the rule {@code braid
 * init claude} wrote), braid takes the plan out of the session's transcript, runs it, and the
 * tasks' work lands on origin's main.
 */
@Tag("e2e")
class ClaudeCodeSlashCommandIT extends EndToEndTest {
  private static final String PLAN =
      """
      # Implementation Plan: Two files

      **Type:** Plan
      **Status:** Ready

      ---

      ## Plan Structure

      ```yaml
      metadata:
        name: "Two files"
        status: "ready"
      tasks:
        - id: "task-0"
          name: "Write a"
          file: "tasks/task-0.md"
          priority: "blocker"
          dependencies: []
        - id: "task-1"
          name: "Write b"
          file: "tasks/task-1.md"
          priority: "high"
          dependencies: ["task-0"]
      ```

      ---

      ## Task Details

      ### Task 0: Write a

      ```yaml
      id: task-0
      priority: blocker
      status: pending
      dependencies: []
      ```

      ## 🎯 Objective

      Write a.txt.

      ```json scripted-agent
      {"files": {"a.txt": "a was here\\n"}}
      ```

      ### Task 1: Write b

      ```yaml
      id: task-1
      priority: high
      status: pending
      dependencies: [task-0]
      ```

      ## 🎯 Objective

      Write b.txt.

      ```json scripted-agent
      {"files": {"b.txt": "b was here\\n"}}
      ```
      """;

  @Test
  void slashBraidExecuteRunsThePlanMadeInTheConversation() throws Exception {
    Path origin = TestRepos.bareOrigin(tmp);
    repo = TestRepos.init(tmp.resolve("repo"), "claude-slash");
    Files.writeString(
        repo.resolve("braid.yaml"),
        """
        agent:
          tiers:
            - {name: fast, command: [%s], attempts: 1, timeout: 2m}
        """
            .formatted(ScriptedAgent.COMMAND));
    BraidProcess.Result init = BraidProcess.run(repo, "init", "claude");
    assertEquals(0, init.exitCode(), init.toString());
    TestRepos.commitAll(repo, "braid.yaml and braid's Claude Code commands");
    TestRepos.pushToOrigin(repo, origin);

    try (FakeAnthropic api = new FakeAnthropic()) {
      api.conversationCued("Plan two files", ModelTurn.endTurn(PLAN));
      api.conversationCued(
          "braid execute --json",
          ModelTurn.bash("braid execute --json", "Run the plan with braid", 600_000),
          // Only the braid calls are allowed: anything else still needs the person's approval.
          ModelTurn.bash("touch unapproved.txt", "Leave a mark", 60_000),
          ModelTurn.endTurn("braid ran the plan: both tasks are merged into main."));
      ClaudeSession claude = new ClaudeSession(repo, tmp.resolve("claude-config"), api);

      claude.send("Plan two files, a.txt then b.txt, in Contextune's plan format.");
      JsonNode result = claude.send("/braid:execute");

      assertEquals(
          "braid ran the plan: both tasks are merged into main.",
          result.path("result").asText(),
          result.toString());
      String braidOutput = toolResult(api, "braid execute --json");
      // The plan came out of the session's transcript...
      assertTrue(Files.isRegularFile(repo.resolve(".parallel/plans/tasks/task-1.md")), braidOutput);
      // ...and the run's work is on origin's main.
      assertEquals("a was here\n", Git.run(origin, "show", "main:a.txt") + "\n");
      assertEquals("b was here\n", Git.run(origin, "show", "main:b.txt") + "\n");

      assertTrue(braidOutput.contains("\"status\" : \"done\""), braidOutput);
      assertTrue(
          braidOutput.contains("no plan on disk; taking the one made in the Claude Code session"),
          braidOutput);
      String refused = toolResult(api, "touch unapproved.txt");
      assertTrue(
          refused.contains("needs approval") || refused.contains("requires approval"), refused);
      assertFalse(Files.exists(repo.resolve("unapproved.txt")));
      assertEquals(
          List.of("Bash"),
          result.path("permission_denials").findValuesAsText("tool_name"),
          result.toString());
    }
  }

  @Test
  void aBlockedTaskIsShownAndUnblockedThroughTheSlashCommands() throws Exception {
    Path origin = TestRepos.bareOrigin(tmp);
    repo = TestRepos.init(tmp.resolve("repo"), "claude-unblock");
    Files.writeString(
        repo.resolve("braid.yaml"),
        """
        agent:
          tiers:
            - {name: fast, command: [%s], attempts: 1, timeout: 2m}
        """
            .formatted(ScriptedAgent.COMMAND));
    // A plan saved by an earlier session: /braid:execute runs it as it is.
    Path tasks = Files.createDirectories(repo.resolve(".parallel/plans/tasks"));
    Files.writeString(
        repo.resolve(".parallel/plans/plan.yaml"),
        "metadata: {name: needs a human}\ntasks:\n  - {id: guided, name: Guided, file: tasks/guided.md}\n");
    ScriptedAgent.writeTask(
        tasks,
        "guided",
        "Guided",
        "{\"requireGuidance\": true, \"files\": {\"guided.txt\": \"guided\\n\"}}");
    assertEquals(0, BraidProcess.run(repo, "init", "claude").exitCode());
    TestRepos.commitAll(repo, "a plan that needs a human");
    TestRepos.pushToOrigin(repo, origin);
    String run = RunIds.forPlan(repo, repo.resolve(".parallel/plans"), "needs a human");

    try (FakeAnthropic api = new FakeAnthropic()) {
      api.conversationCued(
          "braid execute --json",
          ModelTurn.bash("braid execute --json", "Run the plan with braid", 600_000),
          ModelTurn.endTurn("guided is blocked: retry, skip or done?"));
      String unblock = "braid unblock " + run + " guided --retry --guidance \"use v2\"";
      api.conversationCued(
          "is blocked and waits for a person",
          ModelTurn.bash(unblock, "Retry the task with guidance", 120_000),
          ModelTurn.bash("braid status --watch --json", "Follow the run", 600_000),
          ModelTurn.endTurn("guided is done and merged."));
      ClaudeSession claude = new ClaudeSession(repo, tmp.resolve("claude-config"), api);

      claude.send("/braid:execute");
      String blocked = toolResult(api, "braid execute --json");
      assertTrue(blocked.startsWith("Exit code 3\n"), blocked);
      assertTrue(blocked.contains("\"status\" : \"blocked\""), blocked);
      assertTrue(blocked.contains("\"kind\" : \"agent-tiers-exhausted\""), blocked);
      assertTrue(blocked.contains("\"decisions\" : [ \"retry\", \"skip\", \"done\" ]"), blocked);

      JsonNode result =
          claude.send("/braid:unblock " + run + " guided --retry --guidance \"use v2\"");

      assertEquals("guided is done and merged.", result.path("result").asText(), result.toString());
      String decided = toolResult(api, unblock);
      assertTrue(decided.contains("task guided will run again from tier fast."), decided);
      String followed = toolResult(api, "braid status --watch --json");
      assertTrue(followed.contains("\"status\" : \"done\""), followed);
      assertEquals("guided\n", Git.run(origin, "show", "main:guided.txt") + "\n");
      assertEquals(0, result.path("permission_denials").size(), result.toString());
    }
  }

  /** The content of the tool result the CLI sent back for the Bash call of this command. */
  private static String toolResult(FakeAnthropic api, String command) {
    for (JsonNode request : api.requests()) {
      JsonNode messages = request.path("messages");
      for (int i = 0; i + 1 < messages.size(); i++) {
        for (JsonNode block : messages.get(i).path("content")) {
          if ("tool_use".equals(block.path("type").asText())
              && command.equals(block.path("input").path("command").asText())) {
            for (JsonNode answer : messages.get(i + 1).path("content")) {
              if (block.path("id").asText().equals(answer.path("tool_use_id").asText())) {
                JsonNode content = answer.path("content");
                return content.isTextual() ? content.asText() : content.toString();
              }
            }
          }
        }
      }
    }
    return "(no result for " + command + ")";
  }
}
