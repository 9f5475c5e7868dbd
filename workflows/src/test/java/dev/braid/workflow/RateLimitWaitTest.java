package dev.braid.workflow;

import static dev.braid.workflow.Harness.taskOf;
import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.plan.Plan;
import dev.braid.plan.Priority;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An agent's rate limit is a wait, not a failure: the task waits on a durable timer, then runs the
 * same tier again, its attempt uncounted; and a run's tasks wait once for one limit.
 */
class RateLimitWaitTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void aLimitLongerThanTheTiersAttemptsEndsOnTheFirstTierWithItsAttemptsUncounted() {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    // Five limits in a row, against one attempt on the first tier: as a failure it would escalate.
    fakes.rateLimitsLeft.put("a", 5);

    RunStatus end =
        harness.host(fakes).run("run-rl", new RunRequest("/repo", plan.dir(), config(1)));

    assertEquals(RunPhase.DONE, end.phase(), end.toString());
    TaskStatus a = taskOf(end, "a");
    assertEquals(List.of("fast"), a.tiers(), "the cascade did not escalate");
    assertEquals(1, a.attempts(), "the rate-limited attempts are not counted");
    assertEquals(
        List.of(
            "rate limited a at attempt 1",
            "rate limited a at attempt 1",
            "rate limited a at attempt 1",
            "rate limited a at attempt 1",
            "rate limited a at attempt 1"),
        fakes.events.stream().filter(e -> e.startsWith("rate limited")).toList(),
        "each run again is the same attempt: BRAID_ATTEMPT stays 1");
  }

  private static boolean waitsUntil(RunStatus s, String id, long until) {
    return s.tasks().stream()
        .anyMatch(
            t -> t.id().equals(id) && t.blocker() != null && t.blocker().untilMillis() == until);
  }

  @Test
  void theWaitShowsWithItsEndAndASecondTaskJoinsItInsteadOfWaitingOnItsOwn() throws Exception {
    Plan plan = plan(task("a", Priority.HIGH), task("b", Priority.HIGH));
    Fakes fakes = new Fakes(plan);
    harness.host(fakes);
    long reset = harness.env.currentTimeMillis() + Duration.ofHours(2).toMillis();
    fakes.rateLimitsLeft.put("a", 1);
    fakes.rateLimitResets.put("a", reset);
    // b's agent names no reset time: on its own it would wait a minute, then try again.
    fakes.rateLimitsLeft.put("b", 1);

    RunStatus waiting =
        harness.run(
            "run-join",
            new RunRequest("/repo", plan.dir(), config(2)),
            s -> waitsUntil(s, "a", reset) && waitsUntil(s, "b", reset));

    TaskStatus a = taskOf(waiting, "a");
    assertEquals(TaskPhase.RUNNING, a.phase(), "a wait is not a block");
    assertEquals(BlockKind.RATE_LIMIT, a.blocker().kind());
    assertTrue(a.reason().startsWith("waiting: rate limit until "), a.reason());
    assertEquals(List.of(), a.blocker().decisions(), "nobody has to decide a wait");
    assertEquals(RunPhase.RUNNING, waiting.phase());

    RunStatus end = harness.finalStatus("run-join");
    assertEquals(RunPhase.DONE, end.phase(), end.toString());
    assertEquals(1, taskOf(end, "a").attempts());
    assertEquals(1, taskOf(end, "b").attempts());
    assertEquals(
        2,
        fakes.events.stream().filter(e -> e.startsWith("rate limited")).count(),
        "b joined a's wait rather than trying again after its own minute: " + fakes.events);
  }

  @Test
  void theAttemptAfterAWaitResumesTheSessionTheLimitInterrupted() {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.rateLimitsLeft.put("a", 2);

    RunStatus end =
        harness.host(fakes).run("run-resume", new RunRequest("/repo", plan.dir(), config(1)));

    assertEquals(RunPhase.DONE, end.phase(), end.toString());
    // Each try after a limit resumes the session the limited one reported; the first starts afresh.
    assertEquals(
        java.util.Arrays.asList(null, "session-a-1", "session-a-2"),
        fakes.attempts.stream().map(dev.braid.activity.AttemptRequest::resumeSession).toList());
  }
}
