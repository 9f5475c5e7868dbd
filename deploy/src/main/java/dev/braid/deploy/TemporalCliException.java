package dev.braid.deploy;

/** The Temporal CLI could not be found or installed; the message says where braid looked. */
public class TemporalCliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TemporalCliException(String message) {
    super(message);
  }

  public TemporalCliException(String message, Throwable cause) {
    super(message, cause);
  }
}
