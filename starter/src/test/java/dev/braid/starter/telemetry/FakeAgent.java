package dev.braid.starter.telemetry;

import dev.braid.activity.AgentActivities;
import dev.braid.activity.AttemptRequest;
import dev.braid.activity.AttemptResult;
import dev.braid.activity.ManualWorkRequest;
import dev.braid.activity.Usage;
import io.temporal.failure.ApplicationFailure;
import java.util.concurrent.atomic.AtomicInteger;

/** The first attempt fails its checks, the next ones pass. */
public class FakeAgent implements AgentActivities {
  private final AtomicInteger attempts = new AtomicInteger();

  @Override
  public AttemptResult attempt(AttemptRequest request) {
    if (attempts.incrementAndGet() == 1) {
      throw ApplicationFailure.newFailure("a check failed", "ChecksFailed", Usage.unknown());
    }
    return new AttemptResult(attempts.get(), "abc", Usage.unknown(), "/log");
  }

  @Override
  public AttemptResult acceptManualWork(ManualWorkRequest request) {
    throw new UnsupportedOperationException();
  }
}
