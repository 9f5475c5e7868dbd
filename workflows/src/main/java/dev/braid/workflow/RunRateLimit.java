package dev.braid.workflow;

/**
 * Until when the run's agents are rate limited, as far as this workflow knows: the latest end any
 * task of the run reported. It only moves later.
 */
final class RunRateLimit {
  private long untilMillis;

  void extendTo(long newUntilMillis) {
    untilMillis = Math.max(untilMillis, newUntilMillis);
  }

  long untilMillis() {
    return untilMillis;
  }
}
