package dev.braid.config;

/**
 * How a task waits out an agent's rate or usage limit when the agent names no reset time: the first
 * wait, doubling on each limit in a row, up to the longest.
 *
 * @param waitSeconds the first wait
 * @param maxWaitSeconds the longest wait
 */
public record RateLimitSettings(long waitSeconds, long maxWaitSeconds) {

  /** A minute: long enough for a per-minute quota to refill. */
  public static final long DEFAULT_WAIT_SECONDS = 60;

  /** Half an hour: a usage limit that lasts longer names its reset time, which is used instead. */
  public static final long DEFAULT_MAX_WAIT_SECONDS = 30 * 60;

  public static final RateLimitSettings DEFAULTS =
      new RateLimitSettings(DEFAULT_WAIT_SECONDS, DEFAULT_MAX_WAIT_SECONDS);

  public RateLimitSettings {
    waitSeconds = waitSeconds <= 0 ? DEFAULT_WAIT_SECONDS : waitSeconds;
    maxWaitSeconds =
        Math.max(waitSeconds, maxWaitSeconds <= 0 ? DEFAULT_MAX_WAIT_SECONDS : maxWaitSeconds);
  }

  /** The wait after {@code inARow} limits in a row (1 for the first). */
  public long backoffSeconds(int inARow) {
    long wait = waitSeconds;
    for (int i = 1; i < inARow && wait < maxWaitSeconds; i++) {
      wait *= 2;
    }
    return Math.min(wait, maxWaitSeconds);
  }
}
