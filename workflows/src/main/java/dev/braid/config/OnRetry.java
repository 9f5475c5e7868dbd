package dev.braid.config;

import java.util.Locale;
import java.util.Optional;

/** What the next attempt of a task starts from. */
public enum OnRetry {
  /** The worktree as the failed attempt left it, so the next attempt builds on that work. */
  KEEP,
  /** The task's base commit, clean, for agents that do better from scratch. */
  RESET;

  /** The spelling used in {@code braid.yaml}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a config value; empty when the word is not a choice. */
  public static Optional<OnRetry> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (OnRetry o : values()) {
      if (o.yamlName().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
