package dev.braid.starter.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.starter.testsupport.Git;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code braid cancel} of a run whose worker was killed while an agent worked: the agent outlives
 * the worker as an orphan, and nothing of the dead worker can stop it. The cancel must still stop
 * the run and kill that agent's process tree, and keep the agent's uncommitted work: the
 * compensation removes only what holds no work.
 */
@Tag("e2e")
class CancelKillIT extends FaultTest {

  @Test
  void cancelAfterALostWorkerKillsTheOrphanAgentAndKeepsItsWork() throws Exception {
    r = FaultRepo.in(tmp).tier("fast", 1, "5m").task("slow", "\"sleepSeconds\": 240").create();

    Braid.Running first = start("execute", "--json");
    r.awaitAttemptLog("slow", "1-fast.log", PHASE_TIMEOUT);
    Path work = r.repo.resolve("worktrees/slow/out/slow.txt");
    Await.until("the agent wrote its work", PHASE_TIMEOUT, () -> Files.exists(work));
    String runId = run(RUN_TIMEOUT, "status", "--json").json().get("runId").asText();
    first.kill9();
    List<ProcessHandle> orphans = Processes.workingUnder(r.repo.resolve("worktrees"));
    assertFalse(orphans.isEmpty(), "the agent outlived its worker");

    Braid.Result cancel = run(RUN_TIMEOUT, "cancel", runId);

    assertEquals(0, cancel.exitCode(), cancel.toString());
    Braid.Result status = run(RUN_TIMEOUT, "status", "--json", runId);
    assertEquals("cancelled", status.json().get("status").asText(), status.toString());
    for (ProcessHandle orphan : orphans) {
      assertFalse(
          Processes.running(orphan.pid()),
          "orphan still running after the cancel:\n" + Processes.describe(List.of(orphan)));
    }
    CompletedRun.assertNothingLeft(r);
    assertTrue(Files.exists(work), "the agent's uncommitted work is kept: " + cancel);
    assertEquals(r.initialCommit, Git.run(r.repo, "rev-parse", "main"), "main is left alone");
  }
}
