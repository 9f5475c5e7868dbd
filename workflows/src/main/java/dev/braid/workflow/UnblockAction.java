package dev.braid.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a human decides for a blocked task. */
public enum UnblockAction {
  /** Run the agent tiers again, from the first or a named tier, optionally with guidance. */
  RETRY,
  /** Give the task up; its dependents are skipped too. */
  SKIP,
  /** The human finished the work in the worktree; commit it and run the checks. */
  DONE;

  /** The lower-case spelling used in JSON ({@code "retry"}), so signals are easy to type. */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads either spelling, so {@code "retry"} and {@code "RETRY"} both work in a signal. */
  @JsonCreator
  public static UnblockAction parse(String text) {
    return text == null ? null : valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
