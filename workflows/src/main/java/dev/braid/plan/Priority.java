package dev.braid.plan;

import java.util.Locale;
import java.util.Optional;

/** A task's priority in Contextune's vocabulary. The scheduler starts higher priorities first. */
public enum Priority {
  BLOCKER,
  HIGH,
  MEDIUM,
  LOW;

  /** The spelling used in plan files. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a plan file's spelling; empty when the word is not a priority. */
  public static Optional<Priority> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (Priority p : values()) {
      if (p.yamlName().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
