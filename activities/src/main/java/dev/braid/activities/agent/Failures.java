package dev.braid.activities.agent;

import dev.braid.activity.AttemptFailure;
import dev.braid.activity.Usage;
import io.temporal.failure.ApplicationFailure;

/**
 * Builds the failures an attempt ends with, typed by {@link AttemptFailure} so that the tier's
 * retry policy and the workflow can tell them apart. Retryable failures carry the attempt's {@link
 * Usage} as their details, so that the cost of failed attempts is not lost.
 */
final class Failures {
  private Failures() {}

  /** A configuration that cannot work; retrying cannot fix it. */
  static ApplicationFailure badConfig(String message, Throwable cause) {
    return ApplicationFailure.newNonRetryableFailureWithCause(
        message, AttemptFailure.BAD_CONFIG, cause);
  }

  /** A failure that retrying cannot fix, such as a missing executable. */
  static ApplicationFailure nonRetryable(String message, String type) {
    return ApplicationFailure.newNonRetryableFailure(message, type);
  }

  /** A failure that retrying cannot fix, with the exception that revealed it. */
  static ApplicationFailure nonRetryable(String message, String type, Throwable cause) {
    return ApplicationFailure.newNonRetryableFailureWithCause(message, type, cause);
  }

  /**
   * An attempt its provider refused for a rate or usage limit. The details are the usage, then the
   * reset time in epoch milliseconds (null when unknown), then the attempt's number, so that
   * readers of the usage alone still find it first, and the workflow can run the same attempt again
   * after the wait without counting it.
   */
  static ApplicationFailure rateLimited(
      String message, Usage usage, Long resetAtMillis, int attempt) {
    return ApplicationFailure.newFailure(
        message, AttemptFailure.AGENT_RATE_LIMITED, usage, resetAtMillis, attempt);
  }

  /** A failed attempt that a retry, with the feedback it wrote, may get past. */
  static ApplicationFailure retryable(String message, String type, Usage usage) {
    return ApplicationFailure.newFailure(message, type, usage);
  }
}
