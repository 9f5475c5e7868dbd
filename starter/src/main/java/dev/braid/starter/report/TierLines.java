package dev.braid.starter.report;

import java.util.List;
import java.util.stream.Collectors;

/** How the report words a tier's spend, alike in the terminal, the Markdown and the notes. */
final class TierLines {
  private TierLines() {}

  /** {@code $0.0123}, or {@code unknown (1 of 2 tasks reported it)}. */
  static String cost(UsageTotal u) {
    return u.costKnown()
        ? Figures.cost(u.total().costUsd())
        : "unknown (" + u.tasksReporting() + " of " + tasks(u.tasksRan()) + " reported it)";
  }

  /** {@code 2000 / 200}, or {@code unknown (...)}. */
  static String tokens(UsageTotal u) {
    return u.tokensKnown()
        ? Figures.count(u.total().inputTokens()) + " / " + Figures.count(u.total().outputTokens())
        : "unknown (" + u.tasksReportingTokens() + " of " + tasks(u.tasksRan()) + " reported them)";
  }

  /**
   * One line for the terminal: {@code spend per tier: fast (6 tasks, 9 attempts) cost $0.0123,
   * tokens in / out 2000 / 200; strong (...) ...}.
   */
  static String line(List<TierTotal> tiers) {
    return "spend per tier: "
        + tiers.stream()
            .map(
                t ->
                    t.tier()
                        + " ("
                        + tasks(t.usage().tasksRan())
                        + (t.attempts() == null
                            ? ""
                            : ", " + t.attempts() + (t.attempts() == 1 ? " attempt" : " attempts"))
                        + ") cost "
                        + cost(t.usage())
                        + ", tokens in / out "
                        + tokens(t.usage()))
            .collect(Collectors.joining("; "));
  }

  private static String tasks(int n) {
    return n + (n == 1 ? " task" : " tasks");
  }
}
