package dev.braid.starter.report;

import dev.braid.activity.TierUsage;
import dev.braid.activity.Usage;
import java.util.List;
import java.util.Objects;

/**
 * A task's spend split by tier, taken from what its last successful attempt recorded, and used only
 * when it adds up to the task's own usage: both then come from the same measurement, and a split
 * from another round (a human's manual fix came after it, say) is never passed off as this one. A
 * task that ran on one tier only needs no split: all it spent was spent there.
 */
final class TierSplit {
  private TierSplit() {}

  /**
   * The split, or null when it is not known.
   *
   * @param tiers the tiers the task ran, in order, one entry per round
   * @param attempts the task's attempts over all tiers
   * @param usage the task's usage
   * @param recorded the split its last successful attempt recorded, or null
   */
  static List<TierUsage> of(
      List<String> tiers, int attempts, Usage usage, List<TierUsage> recorded) {
    if (recorded != null && !recorded.isEmpty() && sameFigures(sum(recorded), usage)) {
      return recorded;
    }
    if (!tiers.isEmpty() && tiers.stream().distinct().count() == 1 && attempts > 0) {
      return List.of(new TierUsage(tiers.get(0), attempts, usage));
    }
    return null;
  }

  private static Usage sum(List<TierUsage> split) {
    Usage total = null;
    for (TierUsage t : split) {
      total = total == null ? t.usage() : total.plus(t.usage());
    }
    return total;
  }

  private static boolean sameFigures(Usage a, Usage b) {
    boolean cost =
        a.costUsd() == null
            ? b.costUsd() == null
            : b.costUsd() != null && Math.abs(a.costUsd() - b.costUsd()) < 1e-9;
    return cost
        && Objects.equals(a.inputTokens(), b.inputTokens())
        && Objects.equals(a.outputTokens(), b.outputTokens());
  }
}
