package dev.braid.config;

/**
 * What braid does on GitHub besides pull requests, in {@code merge.mode: pr}.
 *
 * @param issues whether each task gets an issue when the run starts (found again on a rerun),
 *     linked from its pull request with {@code Closes #N} and commented on when the task blocks,
 *     completes or is skipped
 */
public record GitHubSettings(boolean issues) {

  /** The default: no issues. */
  public static final GitHubSettings NONE = new GitHubSettings(false);
}
