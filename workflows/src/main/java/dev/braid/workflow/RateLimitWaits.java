package dev.braid.workflow;

/** How a task waits out its agent's rate limit, on a durable timer, holding no process. */
interface RateLimitWaits {

  /** Waits before an attempt while a limit another task met is still in force. */
  void beforeAttempt();

  /**
   * Waits until the limit is over: until the reset time the agent named, else with backoff, or
   * until a later end that another task of the run already waits for.
   *
   * @param resetAtMillis when the provider said the limit ends, or null
   * @param inARow how many limits in a row this task met, for the backoff
   * @param why the agent's words, for the status
   */
  void waitOut(Long resetAtMillis, int inARow, String why);

  /** For a task with nobody to wait: no wait at all. */
  RateLimitWaits NONE =
      new RateLimitWaits() {
        @Override
        public void beforeAttempt() {}

        @Override
        public void waitOut(Long resetAtMillis, int inARow, String why) {}
      };
}
