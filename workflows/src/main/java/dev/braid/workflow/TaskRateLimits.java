package dev.braid.workflow;

import dev.braid.config.RateLimitSettings;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A task's waits for its agent's rate limit: on a durable timer, holding no process, shown to the
 * run, the Web UI and the report as {@code waiting: rate limit until 15:04 UTC}. A task joins a
 * wait another task of the run already has, so a run under one key waits once, not once a task.
 */
final class TaskRateLimits implements RateLimitWaits {
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  private final TaskRequest request;
  private final RunRateLimit limit;
  private final TaskReporter reporter;
  private final RateLimitSettings settings;

  TaskRateLimits(TaskRequest request, RunRateLimit limit, TaskReporter reporter) {
    this.request = request;
    this.limit = limit;
    this.reporter = reporter;
    this.settings = request.config().rateLimit();
  }

  @Override
  public void beforeAttempt() {
    if (limit.untilMillis() > Workflow.currentTimeMillis()) {
      sleepUntil("another task's agent met the rate limit");
    }
  }

  @Override
  public void waitOut(Long resetAtMillis, int inARow, String why) {
    long now = Workflow.currentTimeMillis();
    long until =
        resetAtMillis != null && resetAtMillis > now
            ? resetAtMillis
            : now + Duration.ofSeconds(settings.backoffSeconds(inARow)).toMillis();
    limit.extendTo(until);
    sleepUntil(why);
  }

  /** Sleeps until the run's limit is over, however often another task pushes it later. */
  private void sleepUntil(String why) {
    while (true) {
      long now = Workflow.currentTimeMillis();
      long until = limit.untilMillis();
      if (until <= now) {
        break;
      }
      Blocker wait =
          Blocker.waitUntil(
              BlockKind.RATE_LIMIT,
              "waiting: rate limit until "
                  + CLOCK.format(Instant.ofEpochMilli(until))
                  + " UTC ("
                  + why
                  + ")",
              request.logDir(),
              until);
      reporter.report(TaskPhase.RUNNING, wait);
      // Wakes at the end, or at once when another task's limit pushes the end later, to say so.
      Workflow.await(Duration.ofMillis(until - now), () -> limit.untilMillis() != until);
    }
    reporter.report(TaskPhase.RUNNING, null);
  }
}
