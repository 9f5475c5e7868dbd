package dev.braid.activity;

import java.util.List;

/**
 * A successful attempt: the agent exited 0 and the checks passed.
 *
 * @param attempt the attempt's number, counted over all tiers (1-based)
 * @param headCommit the task branch's head after committing the agent's leftovers
 * @param usage what the agents reported they consumed over every attempt of the task so far, on
 *     every tier; unknown when any attempt did not report
 * @param logFile the attempt's log, absolute
 * @param usageByTier the same usage split by tier, in the order the tiers first ran; null when it
 *     is not known which tier an attempt ran on (attempts recorded before tiers were recorded)
 */
public record AttemptResult(
    int attempt, String headCommit, Usage usage, String logFile, List<TierUsage> usageByTier) {

  public AttemptResult {
    usageByTier = usageByTier == null ? null : List.copyOf(usageByTier);
  }

  /** A result that does not split its usage by tier, as every result did before the split. */
  public AttemptResult(int attempt, String headCommit, Usage usage, String logFile) {
    this(attempt, headCommit, usage, logFile, null);
  }

  /** The same attempt, its branch now at another head: a merge braid made on top of it. */
  public AttemptResult withHead(String head) {
    return new AttemptResult(attempt, head, usage, logFile, usageByTier);
  }
}
