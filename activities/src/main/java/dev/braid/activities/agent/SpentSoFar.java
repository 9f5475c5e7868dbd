package dev.braid.activities.agent;

import dev.braid.activity.AttemptFailure;
import dev.braid.activity.Usage;
import io.temporal.failure.ApplicationFailure;
import java.util.Set;

/**
 * Adds the task's spend so far to a failed attempt's details, after the attempt's own usage: the
 * workflow sees only the last failure of a tier, and counts a blocked task's spend against the
 * run's budget ({@code budget.perRun}) from it.
 */
final class SpentSoFar {
  private static final Set<String> WITH_USAGE =
      Set.of(
          AttemptFailure.AGENT_FAILED,
          AttemptFailure.AGENT_TIMED_OUT,
          AttemptFailure.CHECKS_FAILED);

  private SpentSoFar() {}

  /** The failure with the spend added, when it is an attempt's that carries its usage. */
  static ApplicationFailure added(ApplicationFailure failure, Usage spent) {
    if (failure.isNonRetryable() || !WITH_USAGE.contains(failure.getType())) {
      return failure;
    }
    Usage own;
    try {
      own = failure.getDetails().get(0, Usage.class);
    } catch (RuntimeException noUsage) {
      return failure;
    }
    ApplicationFailure withSpend =
        ApplicationFailure.newFailureWithCause(
            failure.getOriginalMessage(), failure.getType(), failure.getCause(), own, spent);
    withSpend.setStackTrace(failure.getStackTrace());
    return withSpend;
  }
}
