package dev.braid.starter.cli;

/** Bad usage or input: exit code 2, and nothing was created. */
public class UsageError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageError(String message) {
    super(message);
  }
}
