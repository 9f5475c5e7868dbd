package dev.braid.testsupport.openai;

/**
 * One answer of the scripted model to Codex: either a shell command for Codex to run through the
 * shell tool it offers (the real CLI runs it in its sandbox, in the worktree), or a final text
 * message that ends the turn.
 *
 * @param command the shell command, or null for a final message
 * @param text the final message's text, or null for a command
 */
public record CodexTurn(String command, String text) {

  /** Runs a shell command in the agent's working directory. */
  public static CodexTurn run(String command) {
    return new CodexTurn(command, null);
  }

  /**
   * Writes a file, relative to the agent's working directory, through the shell tool: Codex 0.171
   * offers no file-writing tool of its own to a model without metadata, only {@code exec_command}.
   */
  public static CodexTurn write(String relativePath, String content) {
    return run("printf '%s' " + quoted(content) + " > " + quoted(relativePath));
  }

  /** Ends the turn with this message. */
  public static CodexTurn say(String text) {
    return new CodexTurn(null, text);
  }

  boolean isCommand() {
    return command != null;
  }

  /** A single-quoted shell word: the one quoting in which nothing is special but the quote. */
  private static String quoted(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
