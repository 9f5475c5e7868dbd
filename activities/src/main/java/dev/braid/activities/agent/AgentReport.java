package dev.braid.activities.agent;

import dev.braid.activity.Usage;

/**
 * What braid read in an agent's output: what it consumed, and whether its provider refused it for a
 * rate or usage limit.
 *
 * @param usage what the agent reported it consumed; {@link Usage#unknown()} when nothing
 * @param rateLimit the limit the agent ran into, or null when it did not
 */
record AgentReport(Usage usage, RateLimit rateLimit) {

  static AgentReport of(Usage usage) {
    return new AgentReport(usage, null);
  }
}
