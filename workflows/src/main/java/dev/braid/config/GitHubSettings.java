package dev.braid.config;

/**
 * What braid does on GitHub besides pull requests, in {@code merge.mode: pr}.
 *
 * @param issues whether each task gets an issue when the run starts (found again on a rerun),
 *     linked from its pull request with {@code Closes #N} and commented on when the task blocks,
 *     completes or is skipped
 * @param watch whether each task's workflow waits, holding no process, for its pull request to be
 *     merged on GitHub: a failed check or a review asking for changes is a new round for its agent,
 *     a merge completes the task, a close skips it
 * @param maxRounds how many such rounds a task gets before it is blocked for a human
 * @param pollSeconds how long the first wait for GitHub is; each wait with no news doubles it, up
 *     to {@link #MAX_POLL_SECONDS}
 */
public record GitHubSettings(boolean issues, boolean watch, int maxRounds, long pollSeconds) {

  /** Rounds for checks and reviews, unless {@code github.maxRounds} says otherwise. */
  public static final int DEFAULT_MAX_ROUNDS = 3;

  /** The first wait for news from GitHub, unless {@code github.poll} says otherwise. */
  public static final long DEFAULT_POLL_SECONDS = 30;

  /** The longest wait between two looks at a pull request. */
  public static final long MAX_POLL_SECONDS = 600;

  /** The default: no issues, no watching. */
  public static final GitHubSettings NONE = new GitHubSettings(false);

  public GitHubSettings {
    maxRounds = maxRounds <= 0 ? DEFAULT_MAX_ROUNDS : maxRounds;
    pollSeconds = pollSeconds <= 0 ? DEFAULT_POLL_SECONDS : Math.min(pollSeconds, MAX_POLL_SECONDS);
  }

  /** Issues or not, without watching, as settings were before watching existed. */
  public GitHubSettings(boolean issues) {
    this(issues, false, DEFAULT_MAX_ROUNDS, DEFAULT_POLL_SECONDS);
  }

  /** The wait before the look after {@code quietLooks} looks that brought no news. */
  public long pollAfter(int quietLooks) {
    long wait = pollSeconds;
    for (int i = 0; i < quietLooks && wait < MAX_POLL_SECONDS; i++) {
      wait *= 2;
    }
    return Math.min(wait, MAX_POLL_SECONDS);
  }
}
