package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.starter.testsupport.Git;
import dev.braid.starter.testsupport.ScriptedAgent;
import dev.braid.starter.testsupport.TestRepos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Everyday failures a user meets, on the real dev server with the real launcher: each leaves its
 * task blocked with a kind and a reason that names the cause, each can be decided, and the run ends
 * telling the truth.
 */
@Tag("e2e")
class WaysOutEndToEndIT extends EndToEndTest {

  /** A repository with the scripted agent, the given setup and checks, and the given tasks. */
  private Path repoWith(String setupAndChecks, String planTasks, String... tasks)
      throws IOException, InterruptedException {
    Path origin = TestRepos.bareOrigin(tmp);
    Path dir = TestRepos.init(tmp.resolve("repo"), "e2e");
    String agent = ScriptedAgent.COMMAND.toString();
    Files.writeString(
        dir.resolve("braid.yaml"),
        """
        agent:
          tiers:
            - {name: fast, command: [%s], attempts: 1, timeout: 2m}
        %s
        maxParallel: 1
        """
            .formatted(agent, setupAndChecks));
    Path taskDir = Files.createDirectories(dir.resolve(".parallel/plans/tasks"));
    Files.writeString(
        dir.resolve(".parallel/plans/plan.yaml"),
        "metadata: {name: ways out}\ntasks:\n" + planTasks);
    for (int i = 0; i < tasks.length; i += 2) {
      ScriptedAgent.writeTask(taskDir, tasks[i], tasks[i], tasks[i + 1]);
    }
    TestRepos.commitAll(dir, "a plan");
    TestRepos.pushToOrigin(dir, origin);
    return dir;
  }

  private static JsonNode task(JsonNode run, String id) {
    for (JsonNode t : run.get("tasks")) {
      if (t.get("id").asText().equals(id)) {
        return t;
      }
    }
    throw new AssertionError("no task " + id + " in " + run);
  }

  @Test
  void aFailingSetupBlocksWithItsOutputAndRetryAfterTheFixCompletes() throws Exception {
    Path allow = tmp.resolve("setup-may-pass");
    repo =
        repoWith(
            """
            setup: [[python3, -c, "import os, sys; os.path.exists(sys.argv[1]) or sys.exit('setup needs ' + sys.argv[1])", %s]]
            checks: [[python3, -c, "import pathlib, sys; sys.exit(0 if pathlib.Path('out').is_dir() else 1)"]]
            """
                .formatted(allow),
            "  - {id: npm, name: Needs setup, file: tasks/npm.md, priority: high}\n",
            "npm",
            "{\"files\": {\"out/npm.txt\": \"installed\\n\"}}");

    BraidProcess.Result blocked = BraidProcess.run(repo, "execute", "--json");
    assertEquals(3, blocked.exitCode(), "exit 3: waiting on a human\n" + blocked);
    JsonNode run = JSON.readTree(blocked.out());
    JsonNode npm = task(run, "npm");
    assertEquals("blocked", npm.get("status").asText());
    assertEquals("setup-failed", npm.get("blocker").get("kind").asText(), npm.toString());
    String reason = npm.get("reason").asText();
    assertTrue(reason.startsWith("setup: "), reason);
    assertTrue(reason.contains("setup needs " + allow), "the setup's own output: " + reason);
    assertTrue(npm.get("blocker").get("decisions").toString().contains("done"), npm.toString());

    Files.writeString(allow, "fixed\n");
    String runId = run.get("runId").asText();
    BraidProcess.Result retry = BraidProcess.run(repo, "unblock", runId, "npm", "--retry");
    assertEquals(0, retry.exitCode(), retry.toString());

    BraidProcess.Result done = BraidProcess.run(repo, "status", runId, "--watch", "--json");
    assertEquals(0, done.exitCode(), done.toString());
    JsonNode end = JSON.readTree(done.out());
    assertEquals("done", end.get("status").asText(), done.toString());
    Git.run(repo, "merge-base", "--is-ancestor", "feature/npm", "main");
    assertEquals("installed\n", Files.readString(repo.resolve("out/npm.txt")));
  }

  @Test
  void twoTasksFineAloneButBrokenTogetherEndFailedWithTheFirstMergedAfterASkip() throws Exception {
    // Each task's own checks pass; merged together they fail: a semantic conflict.
    repo =
        repoWith(
            """
            checks: [[python3, -c, "import pathlib, sys; sys.exit(1 if pathlib.Path('out/a.txt').exists() and pathlib.Path('out/b.txt').exists() else 0)"]]
            """,
            """
              - {id: a, name: First, file: tasks/a.md, priority: high}
              - {id: b, name: Second, file: tasks/b.md, priority: low}
            """,
            "a",
            "{\"files\": {\"out/a.txt\": \"a\\n\"}}",
            "b",
            "{\"files\": {\"out/b.txt\": \"b\\n\"}}");

    BraidProcess.Result blocked = BraidProcess.run(repo, "execute", "--json");
    assertEquals(3, blocked.exitCode(), blocked.toString());
    JsonNode run = JSON.readTree(blocked.out());
    assertEquals("completed", task(run, "a").get("status").asText(), run.toString());
    JsonNode b = task(run, "b");
    assertEquals("blocked", b.get("status").asText(), run.toString());
    assertFalse(b.get("reason").asText().isBlank(), b.toString());

    String runId = run.get("runId").asText();
    BraidProcess.Result skip = BraidProcess.run(repo, "unblock", runId, "b", "--skip");
    assertEquals(0, skip.exitCode(), skip.toString());

    BraidProcess.Result end = BraidProcess.run(repo, "status", runId, "--watch", "--json");
    assertEquals(1, end.exitCode(), "exit 1: the run failed\n" + end);
    JsonNode last = JSON.readTree(end.out());
    assertEquals("failed", last.get("status").asText());
    assertEquals("skipped", task(last, "b").get("status").asText());
    assertTrue(last.get("message").asText().contains("b skipped"), last.toString());
    Git.run(repo, "merge-base", "--is-ancestor", "feature/a", "main");
    assertTrue(Files.exists(repo.resolve("out/a.txt")), "the first task's work is on main");
    assertFalse(Files.exists(repo.resolve("out/b.txt")), "the skipped task's work is not");
  }

  @Test
  void aTaskThatSpentItsBudgetBlocksAndARaisedBudgetLetsItFinish() throws Exception {
    // Each attempt reports $0.50; the first writes work the checks refuse.
    repo =
        repoWith(
            """
            checks: [[python3, -c, "import pathlib, sys; sys.exit(0 if pathlib.Path('out/t.txt').read_text().strip() == 'good' else 1)"]]
            budget: {perTask: 0.40}
            """,
            "  - {id: t, name: Costly, file: tasks/t.md, priority: high}\n",
            "t",
            "{\"badFilesUntilAttempt\": 2, \"badFiles\": {\"out/t.txt\": \"bad\\n\"},"
                + " \"files\": {\"out/t.txt\": \"good\\n\"},"
                + " \"usage\": {\"total_cost_usd\": 0.5, \"input_tokens\": 10, \"output_tokens\": 5}}");
    Files.writeString(
        repo.resolve("braid.yaml"),
        Files.readString(repo.resolve("braid.yaml")).replace("attempts: 1", "attempts: 2"));
    TestRepos.commitAll(repo, "two attempts");

    BraidProcess.Result blocked = BraidProcess.run(repo, "execute", "--json");
    assertEquals(3, blocked.exitCode(), blocked.toString());
    JsonNode run = JSON.readTree(blocked.out());
    JsonNode t = task(run, "t");
    assertEquals("budget", t.get("blocker").get("kind").asText(), t.toString());
    assertTrue(t.get("reason").asText().endsWith("budget: spent $0.50 of $0.40"), t.toString());

    String runId = run.get("runId").asText();
    BraidProcess.Result retry =
        BraidProcess.run(repo, "unblock", runId, "t", "--retry", "--budget", "5");
    assertEquals(0, retry.exitCode(), retry.toString());

    BraidProcess.Result done = BraidProcess.run(repo, "status", runId, "--watch", "--json");
    assertEquals(0, done.exitCode(), done.toString());
    JsonNode end = JSON.readTree(done.out());
    assertEquals("done", end.get("status").asText(), done.toString());
    assertEquals(1.0, task(end, "t").get("usage").get("costUsd").asDouble(), 0.0001);
    assertEquals("good\n", Files.readString(repo.resolve("out/t.txt")));
  }
}
