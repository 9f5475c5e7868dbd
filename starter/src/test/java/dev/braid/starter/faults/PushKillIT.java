package dev.braid.starter.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.braid.starter.testsupport.Git;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the worker while it pushes, the push held by a pre-receive hook in {@code origin}
 * until the worker is dead; the held {@code git push} is an orphan then, and completes once the
 * hook lets it go. The next {@code braid execute} must complete the run about as soon as after a
 * kill in any other phase, that is, once Temporal has noticed the lost worker by its heartbeat.
 */
@Tag("e2e")
class PushKillIT extends FaultTest {
  /** A lost worker is noticed within the one-minute heartbeat timeout; the rest is quick. */
  private static final Duration PROMPT = Duration.ofMinutes(3);

  /** The last step of a run: the target has moved and is being pushed, inside the merge. */
  @Test
  void workerKilledWhilePushingTheTargetRunCompletes() throws Exception {
    killWhilePushing("push-main");
  }

  /**
   * A task's branch being pushed, between its attempt and the merge queue.
   *
   * <p><b>Failed before the fix</b> (found by this suite): the push activity has a ten-minute
   * start-to-close timeout and no heartbeat timeout ({@code BraidActivityOptions.push}), so
   * Temporal notices the lost worker only after ten minutes (measured: the resumed run took 10 min
   * 4 s). {@code syncWithBase} and {@code abortMerge} share those options. Remove the condition
   * once they heartbeat.
   */
  @Test
  void workerKilledWhilePushingATaskBranchRunCompletesPromptly() throws Exception {
    killWhilePushing("push-feature-pushed");
  }

  private void killWhilePushing(String gate) throws Exception {
    r = FaultRepo.in(tmp).tier("fast", 1, "2m").task("pushed", "").create();
    r.hookPushes();
    r.hold(gate);

    Braid.Running first = start("execute", "--json");
    long push = r.awaitHeld(gate, PHASE_TIMEOUT);
    first.kill9();
    r.releaseAll();

    Braid.Result resumed = run(PROMPT, "execute", "--json");

    CompletedRun.check(r, resumed, Map.of("pushed", 1));
    assertEquals(
        Git.run(r.repo, "rev-parse", "feature/pushed"),
        Git.run(r.origin, "rev-parse", "feature/pushed"));
    assertEquals(false, Processes.running(push), "the held push ended");
  }
}
