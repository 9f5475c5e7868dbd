package dev.braid.activities.github;

import java.util.function.UnaryOperator;

/**
 * A copy of an exception chain whose messages have been redacted, to attach as a failure's cause:
 * Temporal records the whole chain in the history, and a server or client may have echoed the token
 * into a message. Each copy keeps the original's class name, in its message, and its stack trace,
 * so nothing useful for debugging is lost.
 */
final class RedactedCause extends Exception {
  private static final long serialVersionUID = 1L;

  private RedactedCause(String message, RedactedCause cause) {
    super(message, cause);
  }

  /** The chain with every message passed through {@code redact}; null stays null. */
  static RedactedCause of(Throwable original, UnaryOperator<String> redact) {
    if (original == null) {
      return null;
    }
    // A chain that loops back on itself is cut where it loops.
    Throwable next = original.getCause() == original ? null : original.getCause();
    String message =
        original.getMessage() == null ? "" : ": " + redact.apply(original.getMessage());
    RedactedCause copy =
        new RedactedCause(original.getClass().getName() + message, of(next, redact));
    copy.setStackTrace(original.getStackTrace());
    return copy;
  }
}
