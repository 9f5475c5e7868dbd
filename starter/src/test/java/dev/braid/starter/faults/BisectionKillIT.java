package dev.braid.starter.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the worker in the middle of a merge-queue bisection. Four tasks: a merges alone while
 * b, c and d finish, so they form one batch; c breaks the checks of any merge that holds it, so the
 * batch fails and is bisected. The worker dies while the first half's checks run. The next {@code
 * braid execute} rebuilds the queue (its halves included) by replay, finds c, merges the others
 * without a second round, and c, told why, fixes its work and merges too.
 */
@Tag("e2e")
class BisectionKillIT extends FaultTest {
  /**
   * The merge checks in the queue's worktrees, counted: a; the batch of b, c and d checked ahead on
   * top of a while a's is held (it fails: c is in it); a's step passing, then the batch's own step
   * (the tree checked ahead failed, so it checks), which fails; then the first half.
   */
  private static final String MERGE_CHECK = "check-integration";

  @Test
  void workerKilledWhileABatchIsBisectedRunFindsTheCulpritAndCompletes() throws Exception {
    r =
        FaultRepo.in(tmp)
            .tier("fast", 2, "2m")
            .task("a", "")
            .task("b", "\"sleepSeconds\": 3")
            .breaksMergesUntilTold("c", "\"sleepSeconds\": 3")
            .task("d", "\"sleepSeconds\": 3")
            .create();
    r.holdRun(MERGE_CHECK, 1);

    Braid.Running first = start("execute", "--json");
    // a's merge is held until b, c and d have passed their own checks: they wait together.
    r.awaitHeld(MERGE_CHECK, PHASE_TIMEOUT);
    for (String id : java.util.List.of("b", "c", "d")) {
      awaitPushed(id);
    }
    // Pushed, each task hands its work to the queue a moment later.
    Thread.sleep(3_000);
    // Moving the gate to the fourth check lets a's go.
    r.holdRun(MERGE_CHECK, 4);
    long half = awaitFirstHalf();
    first.kill9();
    r.releaseAll();

    Braid.Result resumed = run(RUN_TIMEOUT, "execute", "--json");

    Map<String, com.fasterxml.jackson.databind.JsonNode> tasks =
        CompletedRun.check(r, resumed, Map.of("a", 1, "b", 1, "c", 2, "d", 1));
    assertTrue(tasks.containsKey("c"), resumed.toString());
    assertEquals(false, Processes.running(half), "the held check ended");
    // The batch of three failed once ahead and once in its step, then its halves: at least a, the
    // batch twice, two halves, c alone, c again after its round, and the final verification.
    assertTrue(r.runs(MERGE_CHECK) >= 8, "merge checks: " + r.runs(MERGE_CHECK));
  }

  private void awaitPushed(String id) throws Exception {
    long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Process p =
          new ProcessBuilder("git", "rev-parse", "--verify", "--quiet", "refs/heads/feature/" + id)
              .directory(r.origin.toFile())
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      if (p.waitFor() == 0) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("feature/" + id + " never reached origin");
  }

  /** Waits for the fourth merge check (the first half of the bisection) to be held. */
  private long awaitFirstHalf() throws Exception {
    long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      var held = r.heldPids();
      if (held.size() >= 2) {
        return held.stream().filter(pid -> Processes.running(pid)).findFirst().orElseThrow();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the bisection's first half was never held: " + r.runs(MERGE_CHECK));
  }
}
