package dev.braid.plan;

import java.util.Locale;
import java.util.Optional;

/**
 * The status a task file's frontmatter records. It mirrors the state of record kept in Temporal, so
 * that humans and Contextune read the same story from the files.
 */
public enum TaskState {
  PENDING,
  IN_PROGRESS,
  COMPLETED,
  BLOCKED;

  /** The spelling used in task files. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a task file's spelling; empty when the word is not a status. */
  public static Optional<TaskState> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (TaskState s : values()) {
      if (s.yamlName().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
