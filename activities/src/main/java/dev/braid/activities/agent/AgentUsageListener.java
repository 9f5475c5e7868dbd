package dev.braid.activities.agent;

import dev.braid.activity.Usage;

/**
 * Hears what each agent run reported it consumed, as soon as the attempt has recorded it: the
 * worker's metrics count cost and tokens from here. A successful attempt's result carries the sum
 * over the task's attempts, so the spend of one agent run is known only at this point.
 */
@FunctionalInterface
public interface AgentUsageListener {
  /** Hears nothing. */
  AgentUsageListener NONE = (tier, usage) -> {};

  /**
   * One agent run ended (succeeded, failed, timed out or was rate limited) having reported this.
   * Called on the attempt's thread; it must not throw.
   *
   * @param tier the tier the agent ran on
   * @param usage what it reported; fields it did not report are null
   */
  void agentUsed(String tier, Usage usage);
}
