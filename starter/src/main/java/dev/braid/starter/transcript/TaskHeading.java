package dev.braid.starter.transcript;

/**
 * A task's heading.
 *
 * @param heading the heading itself
 * @param number the task's number ({@code 3} in {@code Task 3: Query API})
 * @param name the task's name, or empty when the heading gives none
 */
record TaskHeading(MarkdownHeading heading, String number, String name) {
  /** The id Contextune gives a task whose frontmatter names none. */
  String fallbackId() {
    return "task-" + number;
  }

  /** The heading and its line, for messages to users. */
  String where() {
    return "'" + heading.shown() + "' (message line " + (heading.line() + 1) + ")";
  }
}
