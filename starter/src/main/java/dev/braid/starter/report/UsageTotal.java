package dev.braid.starter.report;

import dev.braid.activity.Usage;
import java.util.List;

/**
 * The cost and tokens of the tasks that ran. A total is only given when every one of them reported
 * it: a sum over some tasks would pass a guess for a measurement.
 *
 * @param total the sum; a field is null (unknown) unless every task that ran reported it
 * @param tasksRan how many tasks ran
 * @param tasksReporting how many of them reported their cost
 */
public record UsageTotal(Usage total, int tasksRan, int tasksReporting) {

  /** Sums what the tasks that ran reported. */
  public static UsageTotal of(List<TaskReport> tasks) {
    Usage total = null;
    int ran = 0;
    int reporting = 0;
    for (TaskReport t : tasks) {
      if (!t.ran()) {
        continue;
      }
      ran++;
      reporting += t.usage().known() ? 1 : 0;
      total = total == null ? t.usage() : total.plus(t.usage());
    }
    return new UsageTotal(total == null ? Usage.unknown() : total, ran, reporting);
  }

  /** Whether the total cost is known: tasks ran, and every one reported its cost. */
  public boolean known() {
    return tasksRan > 0 && tasksReporting == tasksRan && total.costUsd() != null;
  }
}
