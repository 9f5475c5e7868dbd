package dev.braid.deploy;

/**
 * The dev server could not be started, reused or stopped. The message quotes the tail of the
 * server's log when there is one, because that is where the real reason is.
 */
public class DevServerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DevServerException(String message) {
    super(message);
  }

  public DevServerException(String message, Throwable cause) {
    super(message, cause);
  }
}
