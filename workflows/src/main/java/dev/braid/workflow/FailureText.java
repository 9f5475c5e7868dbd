package dev.braid.workflow;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;

/** Turns a failure chain into one line a human can act on. */
final class FailureText {
  private FailureText() {}

  /** The innermost application failure's type and message, or the timeout that ended it. */
  static String describe(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof ActivityFailure && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ApplicationFailure app) {
      return app.getType() + ": " + app.getOriginalMessage();
    }
    if (cause instanceof TimeoutFailure timeout) {
      return "timed out (" + timeout.getTimeoutType().name().replace("TIMEOUT_TYPE_", "") + ")";
    }
    if (cause instanceof TemporalFailure temporal) {
      return temporal.getOriginalMessage();
    }
    return String.valueOf(cause.getMessage());
  }

  /**
   * Whether the failure is the worker going away rather than the work failing: the activity stopped
   * heartbeating (its worker died), or its worker shut down under it.
   */
  static boolean lostWorker(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutFailure timeout
          && timeout.getTimeoutType()
              == io.temporal.api.enums.v1.TimeoutType.TIMEOUT_TYPE_HEARTBEAT) {
        return true;
      }
      if (cause instanceof ApplicationFailure app
          && app.getType() != null
          && app.getType().endsWith("ActivityWorkerShutdownException")) {
        return true;
      }
    }
    return false;
  }

  /** The application failure type at the root of the chain, or null. */
  static String type(Throwable failure) {
    Throwable cause = failure;
    while (cause != null) {
      if (cause instanceof ApplicationFailure app) {
        return app.getType();
      }
      cause = cause.getCause();
    }
    return null;
  }
}
