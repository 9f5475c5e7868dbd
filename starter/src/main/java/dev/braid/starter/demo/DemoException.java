package dev.braid.starter.demo;

/** The demo project could not be created; the message names the folder or command at fault. */
public class DemoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DemoException(String message) {
    super(message);
  }

  public DemoException(String message, Throwable cause) {
    super(message, cause);
  }
}
