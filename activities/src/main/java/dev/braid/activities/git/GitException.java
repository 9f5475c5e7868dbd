package dev.braid.activities.git;

/** A git command failed; the message holds the command and what git said. */
public class GitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public GitException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** The git command's exit code. */
  public int exitCode() {
    return exitCode;
  }
}
