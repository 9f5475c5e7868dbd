package dev.braid.starter.report;

import dev.braid.activity.Usage;
import java.util.List;

/**
 * The cost and tokens of the tasks that ran. Each total is only given when every one of them
 * reported it: a sum over some tasks would pass a guess for a measurement. The two are apart,
 * because an agent may report its tokens and no cost (Codex does), and then the tokens are known.
 *
 * @param total the sum; a field is null (unknown) unless every task that ran reported it
 * @param tasksRan how many tasks ran
 * @param tasksReporting how many of them reported their cost
 * @param tasksReportingTokens how many of them reported their input and output tokens
 */
public record UsageTotal(Usage total, int tasksRan, int tasksReporting, int tasksReportingTokens) {

  /** Sums what the tasks that ran reported. */
  public static UsageTotal of(List<TaskReport> tasks) {
    Usage total = null;
    int ran = 0;
    int reporting = 0;
    int reportingTokens = 0;
    for (TaskReport t : tasks) {
      if (!t.ran()) {
        continue;
      }
      ran++;
      reporting += t.usage().known() ? 1 : 0;
      reportingTokens += tokensOf(t.usage()) ? 1 : 0;
      total = total == null ? t.usage() : total.plus(t.usage());
    }
    return new UsageTotal(total == null ? Usage.unknown() : total, ran, reporting, reportingTokens);
  }

  /** Whether the total cost is known: tasks ran, and every one reported its cost. */
  public boolean costKnown() {
    return tasksRan > 0 && tasksReporting == tasksRan && total.costUsd() != null;
  }

  /** Whether the total tokens are known: tasks ran, and every one reported its tokens. */
  public boolean tokensKnown() {
    return tasksRan > 0 && tasksReportingTokens == tasksRan && tokensOf(total);
  }

  /** Whether both the cost and the tokens are known. */
  public boolean known() {
    return costKnown() && tokensKnown();
  }

  private static boolean tokensOf(Usage u) {
    return u.inputTokens() != null && u.outputTokens() != null;
  }
}
