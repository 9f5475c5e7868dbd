package dev.braid.config;

import java.util.Locale;
import java.util.Optional;

/** How finished branches reach the target branch. */
public enum MergeMode {
  /** Merge into the target branch and push it. */
  DIRECT,
  /** Open one pull request per task. */
  PR,
  /** Leave the branches as they are. */
  NONE;

  /** The spelling used in {@code braid.yaml} and on the command line. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a config or flag value; empty when the word is not a mode. */
  public static Optional<MergeMode> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (MergeMode m : values()) {
      if (m.yamlName().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
