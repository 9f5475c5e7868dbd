package dev.braid.testsupport.anthropic;

import java.util.List;
import java.util.Map;

/**
 * One answer of the scripted model: its content blocks, as the Messages API shapes them.
 *
 * @param content {@code text} and {@code tool_use} blocks; a {@code file_path} of a tool input that
 *     is relative is made absolute against the working directory the CLI names in its system prompt
 */
public record ModelTurn(List<Map<String, Object>> content) {

  /** A turn that calls Claude Code's {@code Write} tool: the real CLI then writes the file. */
  public static ModelTurn write(String relativePath, String text) {
    return new ModelTurn(
        List.of(
            Map.of(
                "type",
                "tool_use",
                "name",
                "Write",
                "input",
                Map.of("file_path", relativePath, "content", text))));
  }

  /**
   * A turn that calls Claude Code's {@code Read} tool, which the CLI requires before it lets {@code
   * Write} replace a file that exists.
   */
  public static ModelTurn read(String relativePath) {
    return new ModelTurn(
        List.of(
            Map.of(
                "type", "tool_use", "name", "Read", "input", Map.of("file_path", relativePath))));
  }

  /**
   * A turn that calls Claude Code's {@code Edit} tool with its input fields ({@code file_path},
   * {@code old_string}, {@code new_string}): the real CLI replaces the one occurrence of {@code
   * oldText} in the file. The CLI edits only a file it has read or written in the same session.
   */
  public static ModelTurn edit(String relativePath, String oldText, String newText) {
    return new ModelTurn(
        List.of(
            Map.of(
                "type",
                "tool_use",
                "name",
                "Edit",
                "input",
                Map.of("file_path", relativePath, "old_string", oldText, "new_string", newText))));
  }

  /**
   * A turn that calls Claude Code's {@code Bash} tool with the tool's own input fields: the real
   * CLI runs the command, if its permission rules allow it, and sends back what it printed.
   *
   * @param timeoutMillis how long the CLI lets the command run (its default is 2 minutes)
   */
  public static ModelTurn bash(String command, String description, long timeoutMillis) {
    return new ModelTurn(
        List.of(
            Map.of(
                "type",
                "tool_use",
                "name",
                "Bash",
                "input",
                Map.of("command", command, "description", description, "timeout", timeoutMillis))));
  }

  /** A turn that ends the conversation with this text. */
  public static ModelTurn endTurn(String text) {
    return new ModelTurn(List.of(Map.of("type", "text", "text", text)));
  }

  boolean usesTools() {
    return content.stream().anyMatch(b -> "tool_use".equals(b.get("type")));
  }
}
