package dev.braid.starter.faults;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the worker during the end-of-run cleanup ({@code cleanup: true}), while it deletes the
 * second task's branch: the first task's worktree and branches are gone by then, the second's
 * worktree too, and the deletion is held by a {@code reference-transaction} hook with the ref
 * locked. The next {@code braid execute} must finish the cleanup and the run: nothing of the run
 * left but main, locally and on {@code origin}, and no work lost on the way.
 */
@Tag("e2e")
class CleanupKillIT extends FaultTest {

  @Test
  void workerKilledWhileCleaningUpRunCompletesAndLeavesOnlyMain() throws Exception {
    r =
        FaultRepo.in(tmp)
            .tier("fast", 1, "2m")
            .maxParallel(1)
            .cleanup()
            .task("first", "")
            .task("second", "")
            .create();
    r.hookBranchDeletes();
    r.hold("delete-feature-second");

    Braid.Running first = start("execute", "--json");
    long held = r.awaitHeld("delete-feature-second", RUN_TIMEOUT);
    assertFalse(
        java.nio.file.Files.exists(r.repo.resolve("worktrees/first")),
        "the cleanup was past the first task when it was held");
    first.kill9();
    r.releaseAll();

    Braid.Result resumed = run(RUN_TIMEOUT, "execute", "--json");

    CompletedRun.checkCleanedUp(r, resumed, Map.of("first", 1, "second", 1));
    assertTrue(
        resumed.json().get("message").asText().contains("cleanup"),
        "the run says what the cleanup did: " + resumed);
    assertFalse(Processes.running(held), "the held deletion ended");
  }
}
