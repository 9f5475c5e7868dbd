package dev.braid.starter.transcript;

/**
 * A Markdown heading of a message.
 *
 * @param line its 0-based line
 * @param level 1 for {@code #}, 2 for {@code ##}, ...
 * @param text its text, trimmed
 */
record MarkdownHeading(int line, int level, String text) {
  /** The heading as the message wrote it, for messages to users. */
  String shown() {
    return "#".repeat(level) + " " + text;
  }
}
