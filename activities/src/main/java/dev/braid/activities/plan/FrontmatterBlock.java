package dev.braid.activities.plan;

import java.util.Optional;

/**
 * Where a Markdown file's YAML frontmatter lies, as character offsets, so that it can be read and
 * rewritten without touching any other byte.
 *
 * <p>A frontmatter block opens with a {@code ---} line at the very start of the file (after a byte
 * order mark, if any) and closes at the next {@code ---} or {@code ...} line.
 *
 * @param yamlStart the offset of the first YAML line, just after the opening line
 * @param yamlEnd the offset of the closing line, just after the last YAML line's line break
 * @param bodyStart the offset just after the closing line and its line break
 * @param lineSeparator the opening line's line break, {@code "\n"} or {@code "\r\n"}
 */
record FrontmatterBlock(int yamlStart, int yamlEnd, int bodyStart, String lineSeparator) {

  static final char BYTE_ORDER_MARK = '\uFEFF';

  /**
   * The frontmatter block of this file, or empty when the file has none.
   *
   * @throws YamlSyntaxException when the file opens a block that never closes
   */
  static Optional<FrontmatterBlock> find(String text) throws YamlSyntaxException {
    int start = contentStart(text);
    int openingEnd = text.indexOf('\n', start);
    if (openingEnd < 0 || !isFence(text.substring(start, openingEnd), false)) {
      return Optional.empty();
    }
    String separator = openingEnd > start && text.charAt(openingEnd - 1) == '\r' ? "\r\n" : "\n";
    int yamlStart = openingEnd + 1;
    for (int lineStart = yamlStart; lineStart < text.length(); ) {
      int newline = text.indexOf('\n', lineStart);
      int lineEnd = newline < 0 ? text.length() : newline;
      if (isFence(text.substring(lineStart, lineEnd), true)) {
        int bodyStart = newline < 0 ? text.length() : newline + 1;
        return Optional.of(new FrontmatterBlock(yamlStart, lineStart, bodyStart, separator));
      }
      lineStart = lineEnd + 1;
    }
    throw new YamlSyntaxException(
        1, 1, "the '---' here opens a frontmatter block that is never closed");
  }

  /** Where the file's text starts: after a byte order mark, if there is one. */
  static int contentStart(String text) {
    return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
  }

  private static boolean isFence(String line, boolean closing) {
    String trimmed = line.stripTrailing();
    return trimmed.equals("---") || (closing && trimmed.equals("..."));
  }
}
