package dev.braid.config;

import java.util.Locale;
import java.util.Optional;

/**
 * What braid does about tasks that may run at the same time and declare the same files in their
 * task files' {@code Files to Touch} or {@code Potential Conflicts} sections.
 */
public enum OverlapPolicy {
  /**
   * Keep them apart: one waits for the other's merge and starts from its work (a soft edge), and
   * the merge queue does not batch them together. The default.
   */
  SERIALIZE,
  /** Say so when the run starts, let them run together, and keep them out of one merge batch. */
  WARN,
  /** Let them run together and batch them like any tasks; the merge queue meets any conflict. */
  IGNORE;

  /** The setting when {@code braid.yaml} says nothing. */
  public static final OverlapPolicy DEFAULT = SERIALIZE;

  /** The spelling used in {@code braid.yaml} and on the command line. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a config or flag value; empty when the word is not a policy. */
  public static Optional<OverlapPolicy> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (OverlapPolicy p : values()) {
      if (p.yamlName().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
