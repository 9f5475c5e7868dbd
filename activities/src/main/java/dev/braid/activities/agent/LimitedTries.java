package dev.braid.activities.agent;

import dev.braid.activity.Usage;
import java.util.Objects;
import java.util.Optional;

/**
 * What the tries of one attempt that a rate limit stopped used, kept until the attempt runs again
 * after the wait, so that what they used is added to it rather than lost. The run ids tell a try of
 * this run from one of an earlier run of the plan that left the same attempt number behind in a
 * reused worktree.
 *
 * @param runId the run's workflow id
 * @param logRun the Temporal run, or null for runs from before logs were kept per Temporal run
 * @param usage what those tries used, together
 */
record LimitedTries(String runId, String logRun, Usage usage) {

  /** Whether these tries belong to the attempt of this run. */
  boolean of(String run, String temporalRun) {
    return runId.equals(run) && Objects.equals(logRun, temporalRun);
  }

  /**
   * What an attempt used: its last try's report, plus what the tries a rate limit stopped used. A
   * resumed session's report already counts some of those (which, the CLI's reader knows). The
   * session named is always the last try's, the one to resume if it too is stopped.
   */
  static Usage total(
      Optional<LimitedTries> earlier, Usage reported, boolean resumed, AgentOutput reader) {
    if (resumed) {
      return reader.afterResume(earlier.map(LimitedTries::usage).orElse(Usage.unknown()), reported);
    }
    if (earlier.isEmpty()) {
      return reported;
    }
    Usage sum = earlier.get().usage().plus(reported);
    return new Usage(
        sum.costUsd(), sum.inputTokens(), sum.outputTokens(), sum.turns(), reported.sessionId());
  }
}
