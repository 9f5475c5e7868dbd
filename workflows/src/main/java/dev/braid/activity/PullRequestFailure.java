package dev.braid.activity;

/**
 * The failure types {@link PullRequestActivities} ends with. The non-retryable ones need a human (a
 * token, a setting, a branch); the workflow reports them as the task's reason.
 */
public final class PullRequestFailure {
  /**
   * No token in the worker's environment, or GitHub refused it (401) or its permissions (403). Not
   * retryable; the message names the variable to set and never contains the token.
   */
  public static final String AUTH = "GitHubAuth";

  /**
   * GitHub refused the request itself, such as a 422 for a base branch that does not exist. Not
   * retryable; the message carries GitHub's own explanation.
   */
  public static final String REJECTED = "GitHubRejected";

  /** The repository does not exist, or the token cannot see it (404). Not retryable. */
  public static final String NOT_FOUND = "GitHubNotFound";

  /**
   * Which GitHub repository to use cannot be told: the remote is missing or its URL is not a GitHub
   * one, and {@code merge.repository} is not set. Not retryable.
   */
  public static final String REPOSITORY_UNKNOWN = "GitHubRepositoryUnknown";

  /** GitHub answered 5xx or could not be reached. Retryable. */
  public static final String UNAVAILABLE = "GitHubUnavailable";

  /**
   * GitHub's rate limit was hit. Retryable, after GitHub's {@code Retry-After} when it gave one.
   */
  public static final String RATE_LIMITED = "GitHubRateLimited";

  /**
   * {@code merge.apiUrl} is not https, or names a host the worker does not trust with its token
   * (only github.com's API and the worker's own {@code GITHUB_API_URL} are). Not retryable.
   */
  public static final String API_URL_REFUSED = "GitHubApiUrlRefused";

  private PullRequestFailure() {}
}
