package dev.braid.starter.transcript;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes a task's heading, {@code ### Task 3: Query API}, at any level and in the variations
 * models write: {@code Task 3 - Query API}, {@code Task 3. Query API}, {@code Task-3: ...}, or
 * {@code Task 3} alone. A heading such as "Task Details" holds no number and is no task's.
 */
final class TaskHeadings {
  private static final Pattern TASK =
      Pattern.compile(
          "(?i)^[^A-Za-z0-9]*task[ \\t]*[-_]?[ \\t]*(\\d+)\\b[ \\t]*[:.)\\-–—]?[ \\t]*(.*)$");

  private TaskHeadings() {}

  static boolean isTask(MarkdownHeading heading) {
    return TASK.matcher(heading.text()).matches();
  }

  /** The task heading this heading is, if it is one. */
  static Optional<TaskHeading> parse(MarkdownHeading heading) {
    Matcher m = TASK.matcher(heading.text());
    return m.matches()
        ? Optional.of(new TaskHeading(heading, m.group(1), m.group(2).strip()))
        : Optional.empty();
  }
}
