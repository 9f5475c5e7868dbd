package dev.braid.starter.temporal;

/**
 * Temporal could not be used: nothing answered, the namespace is missing, or braid's credentials
 * were refused. The message says which, and what to change.
 */
public class TemporalUnreachable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TemporalUnreachable(String message, Throwable cause) {
    super(message, cause);
  }

  public TemporalUnreachable(String message) {
    super(message);
  }
}
