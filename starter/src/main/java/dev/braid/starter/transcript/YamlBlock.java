package dev.braid.starter.transcript;

import dev.braid.activities.plan.SafeYaml;
import dev.braid.activities.plan.YamlSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the YAML of a fenced block of a message the way plan files are read ({@link SafeYaml}), and
 * turns a syntax error into a problem on the message's own line.
 */
final class YamlBlock {
  private YamlBlock() {}

  /**
   * The block's mapping, or empty after adding a problem.
   *
   * @param firstLine the 0-based message line of the YAML's first line
   * @param what what the block is, to start the problem's message ("the Plan Structure's YAML")
   */
  static Optional<Map<?, ?>> mapping(
      String yaml, int firstLine, String what, List<ExtractionProblem> problems) {
    Object value;
    try {
      value = SafeYaml.load(yaml);
    } catch (YamlSyntaxException e) {
      int line = e.line() > 0 ? firstLine + e.line() : firstLine + 1;
      problems.add(
          new ExtractionProblem(
              line, what + " is not valid YAML: " + e.reason() + where(e, firstLine)));
      return Optional.empty();
    }
    if (value instanceof Map<?, ?> map) {
      return Optional.of(map);
    }
    problems.add(
        new ExtractionProblem(
            firstLine + 1, what + " must be a mapping of keys to values, but it " + kind(value)));
    return Optional.empty();
  }

  /**
   * The column, and the message line where what was being read began when the parser noticed the
   * problem on a later one: the '[' left open, not the line after it, is what the user must fix.
   */
  private static String where(YamlSyntaxException e, int firstLine) {
    List<String> parts = new ArrayList<>();
    if (e.column() > 0) {
      parts.add("column " + e.column());
    }
    if (e.openedLine() > 0) {
      parts.add("opened at message line " + (firstLine + e.openedLine()));
    }
    return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
  }

  static String kind(Object value) {
    if (value == null) {
      return "is empty";
    }
    return value instanceof List<?> ? "is a list" : "is a single value ('" + value + "')";
  }
}
