package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.starter.testsupport.Git;
import dev.braid.starter.testsupport.TestRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The escalation cascade and a human's unblock, on the real dev server with the scripted agent: one
 * task escalates from the fast tier to the strong one, another blocks until a human gives guidance,
 * through {@code braid unblock} in one test and Temporal's own CLI in the other.
 */
@Tag("e2e")
class UnblockEndToEndIT extends EndToEndTest {
  /** Runs the plan until it waits on the human, and checks the story so far. */
  private String runUntilBlocked() throws Exception {
    Path origin = TestRepos.bareOrigin(tmp);
    repo = BlockingPlan.create(tmp.resolve("repo"), origin);

    BraidProcess.Result blocked = BraidProcess.run(repo, "execute", "--json");
    assertEquals(3, blocked.exitCode(), "exit 3: alive, waiting on a human\n" + blocked);
    JsonNode run = JSON.readTree(blocked.out());
    assertEquals("blocked", run.get("status").asText());
    Map<String, JsonNode> tasks = tasks(run);
    assertEquals("completed", tasks.get("escalates").get("status").asText());
    assertEquals(3, tasks.get("escalates").get("attempts").asInt());
    assertEquals(List.of("fast", "strong"), tiers(tasks.get("escalates")));
    assertEquals("blocked", tasks.get("needs-human").get("status").asText());
    assertTrue(
        tasks.get("needs-human").get("reason").asText().contains("AgentFailed"), run.toString());
    assertEquals("waiting", tasks.get("after").get("status").asText());
    assertEquals("completed", tasks.get("free").get("status").asText());
    assertTrue(
        Files.readString(repo.resolve(".parallel/plans/tasks/needs-human.md"))
            .contains("status: blocked"));
    String runId = run.get("runId").asText();

    // execute has ended, so no braid process (and no worker) is alive: status reads what
    // Temporal stores, and still shows every task and why the blocked one waits.
    BraidProcess.Result status = BraidProcess.run(repo, "status");
    assertEquals(3, status.exitCode(), status.toString());
    assertTrue(
        status.out().contains("read from what Temporal stores, with no worker"), status.out());
    for (String id : List.of("escalates", "needs-human", "after", "free")) {
      assertTrue(status.out().contains(id), id + " in " + status.out());
    }
    assertTrue(
        status.out().contains("needs-human [agent-tiers-exhausted]: strong tier: AgentFailed"),
        status.out());
    assertTrue(
        status.out().contains("braid unblock " + runId + " needs-human --done"), status.out());
    assertTrue(
        status.out().contains("braid unblock " + runId + " needs-human --retry"), status.out());
    // Named by its id, from anywhere: the same story, and no wait for a worker that is not there
    // (the bound only catches a hang).
    BraidProcess.Result named =
        BraidProcess.within(java.time.Duration.ofSeconds(60), repo, "status", runId);
    assertEquals(3, named.exitCode(), named.toString());
    for (String id : List.of("escalates", "needs-human", "after", "free")) {
      assertTrue(named.out().contains(id), id + " in " + named.out());
    }
    assertTrue(
        named.out().contains("needs-human [agent-tiers-exhausted]: strong tier: AgentFailed"),
        named.out());
    // Logs are kept per Temporal run: .parallel/logs/<run>/<temporal run id>/<task>/<attempt>.
    String logs = java.util.regex.Pattern.quote(repo.resolve(".parallel/logs/" + runId).toString());
    assertTrue(
        java.util.regex.Pattern.compile("last log: " + logs + "/[0-9a-f-]{36}/needs-human/")
            .matcher(status.out())
            .find(),
        status.out());
    return runId;
  }

  /** Follows the run to its end and checks everything was merged, with guidance delivered. */
  private void finishAndCheck(String runId) throws Exception {
    BraidProcess.Result done = BraidProcess.run(repo, "status", runId, "--watch", "--json");
    assertEquals(0, done.exitCode(), done.toString());
    JsonNode run = JSON.readTree(done.out());
    assertEquals("done", run.get("status").asText(), done.toString());
    Map<String, JsonNode> tasks = tasks(run);
    for (String id : List.of("escalates", "needs-human", "after", "free")) {
      assertEquals("completed", tasks.get(id).get("status").asText(), id);
      Git.run(repo, "merge-base", "--is-ancestor", "feature/" + id, "main");
    }
    assertEquals(List.of("fast", "strong", "fast"), tiers(tasks.get("needs-human")));
    assertEquals(4, tasks.get("needs-human").get("attempts").asInt());
    assertTrue(Files.readString(repo.resolve("out/needs-human.txt")).contains("guided"));
    Path guidance =
        Path.of(Git.run(repo.resolve("worktrees/needs-human"), "rev-parse", "--absolute-git-dir"))
            .resolve("braid/guidance.txt");
    assertEquals("use the v2 API", Files.readString(guidance).strip());
    assertTrue(
        Files.readString(repo.resolve(".parallel/plans/tasks/needs-human.md"))
            .contains("status: completed"));
  }

  @Test
  void blockedTaskIsUnblockedWithBraidUnblock() throws Exception {
    String runId = runUntilBlocked();

    BraidProcess.Result wrong = BraidProcess.run(repo, "unblock", runId, "free", "--retry");
    assertEquals(2, wrong.exitCode(), wrong.toString());
    assertTrue(wrong.err().contains("task 'free' is completed, not blocked"), wrong.err());

    BraidProcess.Result unblock =
        BraidProcess.run(
            repo, "unblock", runId, "needs-human", "--retry", "--guidance", "use the v2 API");
    assertEquals(0, unblock.exitCode(), unblock.toString());
    assertTrue(
        unblock.out().contains("task needs-human will run again from tier fast"), unblock.out());

    finishAndCheck(runId);
  }

  @Test
  void blockedTaskIsUnblockedWithTemporalWorkflowSignal() throws Exception {
    String runId = runUntilBlocked();
    JsonNode server = JSON.readTree(repo.resolve(".parallel/temporal/server.json").toFile());

    Process signal =
        new ProcessBuilder(
                BraidProcess.HOME.resolve(".tools/temporal/bin/temporal").toString(),
                "workflow",
                "signal",
                "--address",
                "127.0.0.1:" + server.get("port").asInt(),
                "--workflow-id",
                runId,
                "--name",
                "unblock",
                "--input",
                "{\"taskId\":\"needs-human\",\"action\":\"retry\",\"guidance\":\"use the v2 API\"}")
            .redirectErrorStream(true)
            .start();
    String output = new String(signal.getInputStream().readAllBytes());
    assertEquals(0, signal.waitFor(), output);

    finishAndCheck(runId);
  }

  private static Map<String, JsonNode> tasks(JsonNode run) {
    Map<String, JsonNode> tasks = new HashMap<>();
    run.get("tasks").forEach(t -> tasks.put(t.get("id").asText(), t));
    return tasks;
  }

  private static List<String> tiers(JsonNode task) {
    return JSON.convertValue(
        task.get("tiers"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
  }
}
