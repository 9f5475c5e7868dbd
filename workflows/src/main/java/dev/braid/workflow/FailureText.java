package dev.braid.workflow;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;

/** Turns a failure chain into one line a human can act on. */
final class FailureText {
  private FailureText() {}

  /**
   * The innermost application failure's type and message, or the timeout that ended it, looking
   * through the activity and child-workflow failures that wrap it. Never blank: a failure that says
   * nothing is named by its class.
   */
  static String describe(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof ActivityFailure || cause instanceof ChildWorkflowFailure)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String text;
    if (cause instanceof ApplicationFailure app) {
      text = app.getType() + ": " + app.getOriginalMessage();
    } else if (cause instanceof TimeoutFailure timeout) {
      text = "timed out (" + timeout.getTimeoutType().name().replace("TIMEOUT_TYPE_", "") + ")";
    } else if (cause instanceof TemporalFailure temporal) {
      text = temporal.getOriginalMessage();
    } else {
      text = cause.getMessage();
    }
    return text == null || text.isBlank() ? cause.getClass().getSimpleName() : text;
  }

  /**
   * Whether no worker of the activity's host picked it up in time: the host that holds the task's
   * worktree is gone, and the task must be prepared again on a host that answers.
   */
  static boolean lostHost(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutFailure timeout
          && timeout.getTimeoutType()
              == io.temporal.api.enums.v1.TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START) {
        return true;
      }
    }
    return false;
  }

  /** Whether the failure is a cancellation, such as of the task's run. */
  static boolean cancelled(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof io.temporal.failure.CanceledFailure) {
        return true;
      }
    }
    return false;
  }

  /** The detail at this index of the application failure at the root of the chain, if any. */
  static <T> java.util.Optional<T> detailAt(Throwable failure, int index, Class<T> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure app && app.getDetails().getSize() > index) {
        try {
          return java.util.Optional.ofNullable(app.getDetails().get(index, type));
        } catch (RuntimeException unreadable) {
          return java.util.Optional.empty();
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** The first detail of the application failure at the root of the chain, if it has one. */
  static <T> java.util.Optional<T> detail(Throwable failure, Class<T> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure app && app.getDetails().getSize() > 0) {
        try {
          return java.util.Optional.ofNullable(app.getDetails().get(type));
        } catch (RuntimeException unreadable) {
          return java.util.Optional.empty();
        }
      }
    }
    return java.util.Optional.empty();
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
