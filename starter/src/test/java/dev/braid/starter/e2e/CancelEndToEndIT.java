package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.starter.testsupport.BraidLauncher;
import dev.braid.starter.testsupport.Git;
import dev.braid.starter.testsupport.ScriptedAgent;
import dev.braid.starter.testsupport.TestRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code braid cancel} stops a run and compensates: the agent is killed, and what holds work the
 * target lacks (a worktree with uncommitted changes, a branch merged only into the integration
 * branch) is kept and named. Executing the plan again continues what is left and moves the target.
 */
@Tag("e2e")
class CancelEndToEndIT extends EndToEndTest {
  private Process foreground;

  /** Runs before the inherited server stop, as JUnit runs a subclass's cleanup first. */
  @AfterEach
  void stopForeground() {
    if (foreground != null && foreground.isAlive()) {
      foreground.destroyForcibly();
    }
  }

  @Test
  void cancelKillsTheAgentAndKeepsTheWorkThenExecuteAgainFinishesIt() throws Exception {
    Path origin = TestRepos.bareOrigin(tmp);
    repo = TestRepos.init(tmp.resolve("repo"), "e2e");
    String agent = ScriptedAgent.COMMAND.toString();
    Files.writeString(
        repo.resolve("braid.yaml"),
        "agent:\n  tiers:\n    - {name: fast, command: [" + agent + "], timeout: 5m}\n");
    Path tasks = Files.createDirectories(repo.resolve(".parallel/plans/tasks"));
    Files.writeString(
        repo.resolve(".parallel/plans/plan.yaml"),
        "metadata: {name: to cancel}\ntasks:\n"
            + "  - {id: quick, name: Quick, file: tasks/quick.md, priority: high}\n"
            + "  - {id: slow, name: Slow, file: tasks/slow.md, priority: low}\n");
    Files.writeString(
        tasks.resolve("quick.md"),
        "---\nid: quick\n---\n\n# Quick\n\n```json scripted-agent\n{\"files\": {\"quick.txt\": \"q\\n\"}}\n```\n");
    Files.writeString(
        tasks.resolve("slow.md"),
        "---\nid: slow\n---\n\n# Slow\n\n```json scripted-agent\n{\"files\": {\"half-done.txt\": \"work in progress\\n\"}, \"sleepSeconds\": 300}\n```\n");
    TestRepos.commitAll(repo, "plan");
    TestRepos.pushToOrigin(repo, origin);
    String main = Git.run(repo, "rev-parse", "main");

    foreground =
        BraidLauncher.command(
                repo,
                Map.of(),
                tmp.resolve("execute.out"),
                tmp.resolve("execute.err"),
                "execute",
                "--json")
            .start();
    Path halfDone = repo.resolve("worktrees/slow/half-done.txt");
    for (int i = 0; i < 600 && !Files.exists(halfDone); i++) {
      Thread.sleep(100);
    }
    assertTrue(Files.exists(halfDone), "the slow agent started and wrote its first file");
    String runId =
        "braid-to-cancel-"
            + JSON.readTree(BraidProcess.run(repo, "status", "--json").out())
                .get("runId")
                .asText()
                .replaceAll(".*-", "");

    BraidProcess.Result cancel = BraidProcess.run(repo, "cancel", runId);

    assertEquals(0, cancel.exitCode(), cancel.toString());
    assertTrue(cancel.out().contains("cancelled; cleanup removed"), cancel.out());
    assertTrue(cancel.out().contains("slow"), "names what it kept: " + cancel.out());
    assertTrue(foreground.waitFor(2, TimeUnit.MINUTES), "the foreground execute ends with the run");
    assertEquals(1, foreground.exitValue(), Files.readString(tmp.resolve("execute.err")));
    assertEquals(
        "cancelled",
        JSON.readTree(Files.readString(tmp.resolve("execute.out"))).get("status").asText());
    // The agent's uncommitted work is still there, and main did not move.
    assertEquals("work in progress\n", Files.readString(halfDone));
    assertEquals(main, Git.run(repo, "rev-parse", "main"));
    // quick's branch is merged only into the integration branch, so it is kept, not deleted.
    Git.run(repo, "rev-parse", "--verify", "feature/quick");
    assertFalse(
        ProcessHandle.allProcesses()
            .anyMatch(p -> p.info().commandLine().orElse("").contains("half-done.txt")),
        "no agent left running");

    // Executing the plan again (its slow task no longer sleeps) continues the cancelled run:
    // quick's kept branch and slow's work both reach main, here and on origin.
    Files.writeString(
        tasks.resolve("slow.md"),
        "---\nid: slow\n---\n\n# Slow\n\n```json scripted-agent\n{\"files\": {\"half-done.txt\": \"finished\\n\"}}\n```\n");
    BraidProcess.Result again = BraidProcess.run(repo, "execute", "--json");

    assertEquals(0, again.exitCode(), again.toString());
    JsonNode run = JSON.readTree(again.out());
    assertEquals("done", run.get("status").asText(), again.toString());
    run.get("tasks")
        .forEach(t -> assertEquals("completed", t.get("status").asText(), t.toString()));
    assertNotEquals(main, Git.run(repo, "rev-parse", "main"), "the target moved");
    assertEquals(Git.run(repo, "rev-parse", "main"), Git.run(origin, "rev-parse", "main"));
    assertEquals("q", Git.run(origin, "show", "main:quick.txt"));
    assertEquals("finished", Git.run(origin, "show", "main:half-done.txt"));
  }
}
