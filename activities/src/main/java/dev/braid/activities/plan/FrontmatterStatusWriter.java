package dev.braid.activities.plan;

import dev.braid.plan.TaskState;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the {@code status} of a task file's frontmatter by editing text, not by dumping YAML,
 * because people and Contextune own these files: a dump would lose their comments, key order and
 * quoting. The result is parsed again and compared with the original, so an edit that would change
 * anything but the status is refused instead of written.
 */
final class FrontmatterStatusWriter {

  /** A top-level {@code status:} key: its key and colon, then the rest of the line. */
  private static final Pattern STATUS_LINE =
      Pattern.compile("^((?:status|\"status\"|'status')[ \\t]*:)([ \\t]*)(.*)$");

  /** The start of a YAML comment after a value: whitespace, then {@code #}. */
  private static final Pattern COMMENT = Pattern.compile("[ \\t]+#");

  private FrontmatterStatusWriter() {}

  static String withStatus(String text, TaskState state) {
    Frontmatter before = parse(text);
    Object current = before.fields().get("status");
    if (current instanceof String word && TaskState.parse(word).equals(Optional.of(state))) {
      return text;
    }
    String updated = rewrite(text, state);
    Frontmatter after;
    try {
      after = Frontmatter.parse(updated);
    } catch (YamlSyntaxException e) {
      throw refused(e);
    }
    check(before, after, state);
    return updated;
  }

  private static String rewrite(String text, TaskState state) {
    Optional<FrontmatterBlock> found = findBlock(text);
    if (found.isEmpty()) {
      String separator = text.contains("\r\n") ? "\r\n" : "\n";
      int start = FrontmatterBlock.contentStart(text);
      return text.substring(0, start)
          + "---"
          + separator
          + "status: "
          + state.yamlName()
          + separator
          + "---"
          + separator
          + text.substring(start);
    }
    FrontmatterBlock block = found.get();
    String yaml = text.substring(block.yamlStart(), block.yamlEnd());
    String newYaml = replaceStatusLine(yaml, state.yamlName());
    if (newYaml == null) {
      newYaml = yaml + "status: " + state.yamlName() + block.lineSeparator();
    }
    return text.substring(0, block.yamlStart()) + newYaml + text.substring(block.yamlEnd());
  }

  /** The YAML with its top-level status line's value replaced, or null when it has none. */
  private static String replaceStatusLine(String yaml, String value) {
    String[] lines = yaml.split("(?<=\n)");
    StringBuilder out = new StringBuilder();
    boolean replaced = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String ending = line.endsWith("\r\n") ? "\r\n" : line.endsWith("\n") ? "\n" : "";
      Matcher m = STATUS_LINE.matcher(line.substring(0, line.length() - ending.length()));
      if (replaced || !m.matches()) {
        out.append(line);
        continue;
      }
      replaced = true;
      String[] valueAndComment = splitComment(m.group(3));
      String old = valueAndComment[0];
      String spacing = m.group(2).isEmpty() ? " " : m.group(2);
      out.append(m.group(1)).append(spacing).append(quoteLike(old, value));
      out.append(valueAndComment[1]).append(ending);
      // Indented lines after a top-level key hold the rest of its old value: a block scalar, a
      // nested list or a plain scalar folded over lines. The new value replaces them too.
      while (i + 1 < lines.length && isContinuation(lines, i + 1)) {
        i++;
      }
    }
    return replaced ? out.toString() : null;
  }

  /** Splits a plain or quoted scalar from a trailing {@code # comment} and the spaces before it. */
  private static String[] splitComment(String rest) {
    char quote = rest.isEmpty() ? 0 : rest.charAt(0);
    int searchFrom = 0;
    if (quote == '"' || quote == '\'') {
      int close = rest.indexOf(quote, 1);
      searchFrom = close < 0 ? rest.length() : close + 1;
    }
    Matcher comment = COMMENT.matcher(rest);
    if (comment.find(searchFrom)) {
      return new String[] {rest.substring(0, comment.start()), rest.substring(comment.start())};
    }
    return new String[] {rest.stripTrailing(), rest.substring(rest.stripTrailing().length())};
  }

  private static String quoteLike(String old, String value) {
    if (old.startsWith("\"")) {
      return "\"" + value + "\"";
    }
    if (old.startsWith("'")) {
      return "'" + value + "'";
    }
    return value;
  }

  /** An indented line, or a blank line inside an indented run, belongs to the value above it. */
  private static boolean isContinuation(String[] lines, int index) {
    for (int i = index; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith(" ") || line.startsWith("\t")) {
        return true;
      }
      if (!line.isBlank()) {
        return false;
      }
    }
    return false;
  }

  private static void check(Frontmatter before, Frontmatter after, TaskState state) {
    Map<String, Object> expected = new HashMap<>(before.fields());
    Map<String, Object> actual = new HashMap<>(after.fields());
    expected.remove("status");
    Object written = actual.remove("status");
    boolean statusWritten = written instanceof String word && word.equals(state.yamlName());
    if (!statusWritten || !expected.equals(actual) || !before.body().equals(after.body())) {
      throw refused(null);
    }
  }

  private static IllegalArgumentException refused(Throwable cause) {
    return new IllegalArgumentException(
        "the status cannot be set without changing other parts of the frontmatter; set it by hand",
        cause);
  }

  private static Frontmatter parse(String text) {
    try {
      return Frontmatter.parse(text);
    } catch (YamlSyntaxException e) {
      throw new IllegalArgumentException("cannot read the frontmatter: " + e.getMessage(), e);
    }
  }

  private static Optional<FrontmatterBlock> findBlock(String text) {
    try {
      return FrontmatterBlock.find(text);
    } catch (YamlSyntaxException e) {
      throw new IllegalArgumentException("cannot read the frontmatter: " + e.getMessage(), e);
    }
  }
}
