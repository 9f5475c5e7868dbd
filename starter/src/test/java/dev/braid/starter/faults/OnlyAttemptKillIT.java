package dev.braid.starter.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A worker lost during a task's only attempt ({@code attempts: 1}, braid's default): the agent did
 * nothing wrong, so the next {@code braid execute} must run it again and complete the run, as it
 * does when the tier has attempts to spare ({@link WorkerKillIT}).
 *
 * <p><b>Failed before the fix</b> (found by this suite). The lost attempt fails, after a kill -9
 * with {@code timed out (HEARTBEAT)}, after a Ctrl-C with {@code ActivityWorkerShutdownException}
 * (the CLI's worker shuts down and interrupts it). Temporal counts either against the tier's retry
 * policy ({@code BraidActivityOptions.attempt}: {@code maximumAttempts = attempts}), {@code
 * Cascade.run} takes it as the tier's failure, and with no tier left the task is blocked: the run
 * ends {@code blocked} (exit 3), waiting on a human for a crash or a detach that was nobody's
 * fault.
 */
@Tag("e2e")
class OnlyAttemptKillIT extends FaultTest {

  @Test
  void workerKilledDuringTheOnlyAttemptDoesNotBlockTheTask() throws Exception {
    startWhileTheOnlyAttemptWorks().kill9();

    Braid.Result resumed = run(RUN_TIMEOUT, "execute", "--json");

    assertTheLostAttemptRanAgain(CompletedRun.check(r, resumed, Map.of()));
  }

  /**
   * The same with a Ctrl-C, which the README says only detaches: the CLI's worker shuts down and
   * fails its running attempt with {@code ActivityWorkerShutdownException}, which uses it up.
   */
  @Test
  void ctrlCDuringTheOnlyAttemptDoesNotBlockTheTask() throws Exception {
    Braid.Running first = startWhileTheOnlyAttemptWorks();
    first.ctrlC();
    first.await(Duration.ofMinutes(1));

    Braid.Result resumed = run(RUN_TIMEOUT, "execute", "--json");

    assertTheLostAttemptRanAgain(CompletedRun.check(r, resumed, Map.of()));
  }

  /** Starts a run of one task with one attempt, and returns once its agent is working. */
  private Braid.Running startWhileTheOnlyAttemptWorks() throws Exception {
    r = FaultRepo.in(tmp).tier("fast", 1, "2m").task("only", "\"sleepSeconds\": 30").create();
    Braid.Running first = start("execute", "--json");
    r.awaitAttemptLog("only", "1-fast.log", PHASE_TIMEOUT);
    return first;
  }

  /** The tier allows one attempt; a second one ran, and the task still completed. */
  private static void assertTheLostAttemptRanAgain(Map<String, JsonNode> tasks) {
    JsonNode only = tasks.get("only");
    assertTrue(only.get("attempts").asInt() >= 2, "the lost attempt was run again: " + only);
  }
}
