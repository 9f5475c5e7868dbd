package dev.braid.starter.report;

import dev.braid.activity.TierUsage;
import dev.braid.activity.Usage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One tier's spend over the tasks that ran on it, by the same rule as the run's total: a figure is
 * known only when every one of those tasks' spend on the tier is.
 *
 * @param tier the tier's name
 * @param attempts the attempts the tier ran, or null when a task's split is unknown
 * @param usage the sum, and how many of the tasks that ran the tier reported it
 */
public record TierTotal(String tier, Integer attempts, UsageTotal usage) {

  /** The tiers the tasks ran, in the order they first appear, each with its total. */
  static List<TierTotal> of(List<TaskReport> tasks) {
    Set<String> names = new LinkedHashSet<>();
    tasks.stream().filter(TaskReport::ran).forEach(t -> names.addAll(t.tiers()));
    List<TierTotal> totals = new ArrayList<>();
    for (String name : names) {
      Usage total = null;
      Integer attempts = 0;
      int ran = 0;
      int reporting = 0;
      int reportingTokens = 0;
      for (TaskReport t : tasks) {
        if (!t.ran() || !t.tiers().contains(name)) {
          continue;
        }
        ran++;
        TierUsage spent = spentOn(t, name);
        Usage u = spent == null ? Usage.unknown() : spent.usage();
        attempts = spent == null || attempts == null ? null : attempts + spent.attempts();
        reporting += u.known() ? 1 : 0;
        reportingTokens += u.inputTokens() != null && u.outputTokens() != null ? 1 : 0;
        total = total == null ? u : total.plus(u);
      }
      totals.add(
          new TierTotal(
              name,
              attempts,
              new UsageTotal(
                  total == null ? Usage.unknown() : total, ran, reporting, reportingTokens)));
    }
    return totals;
  }

  private static TierUsage spentOn(TaskReport t, String tier) {
    if (t.usageByTier() == null) {
      return null;
    }
    return t.usageByTier().stream().filter(u -> u.tier().equals(tier)).findFirst().orElse(null);
  }
}
