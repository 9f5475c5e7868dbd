package dev.braid.starter.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the worker while it pushes a task's branch: the push is held by a pre-receive hook in
 * {@code origin} until the worker is dead. The next {@code braid execute} must finish the run about
 * as soon as for a kill in any other phase, that is, once Temporal has noticed the lost worker by
 * its heartbeat timeout.
 */
@Tag("e2e")
class PushKillIT extends FaultTest {
  /** A lost worker is noticed within the one-minute heartbeat timeout; the rest is quick. */
  private static final Duration PROMPT = Duration.ofMinutes(3);

  @Test
  void workerKilledWhilePushingRunCompletesPromptly() throws Exception {
    r = FaultRepo.in(tmp).tier("fast", 1, "2m").task("pushed", "").create();
    r.hookPushes();
    r.hold("push-origin.git");

    Braid.Running first = start("execute", "--json");
    r.awaitHeld("push-origin.git", PHASE_TIMEOUT);
    first.kill9();
    r.releaseAll();

    long restart = System.nanoTime();
    Braid.Result resumed =
        run(
            Duration.ofMinutes(Long.getLong("braid.faults.pushTimeoutMinutes", 3)),
            "execute",
            "--json");
    System.err.println(
        "PushKillIT: resumed run took " + Duration.ofNanos(System.nanoTime() - restart));
    CompletedRun.check(r, resumed, Map.of("pushed", 1));
    assertEquals(
        Git.run(r.repo, "rev-parse", "feature/pushed"),
        Git.run(r.origin, "rev-parse", "feature/pushed"));
  }
}
