package dev.braid.activities.github;

import dev.braid.activity.PullRequestFailure;
import io.temporal.failure.ApplicationFailure;
import java.net.URI;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Chooses the GitHub API the token is sent to. {@code braid.yaml} is a file an agent can edit and
 * braid merges, so its {@code merge.apiUrl} alone can never send the token somewhere new: it must
 * be {@code https}, on github.com's API host or on the host of the worker's own {@code
 * GITHUB_API_URL}. The worker's {@code GITHUB_API_URL} itself is trusted as it is, even plain
 * {@code http} (a local fake GitHub in tests), because the worker's operator set it.
 */
final class GitHubApiUrl {
  static final String DEFAULT = "https://api.github.com";
  static final String WORKER_VARIABLE = "GITHUB_API_URL";

  private GitHubApiUrl() {}

  /**
   * The base URL to use, without a trailing slash.
   *
   * @param requested {@code merge.apiUrl} from the run's config, or null
   * @param env the worker's environment
   * @throws ApplicationFailure non-retryable {@link PullRequestFailure#API_URL_REFUSED} when the
   *     requested URL is not one this worker trusts
   */
  static String choose(String requested, UnaryOperator<String> env) {
    String worker = trimmed(env.apply(WORKER_VARIABLE));
    String asked = trimmed(requested);
    if (asked == null) {
      return worker != null ? worker : DEFAULT;
    }
    if (asked.equals(worker)) {
      return asked;
    }
    URI uri;
    try {
      uri = URI.create(asked);
    } catch (IllegalArgumentException e) {
      throw refused("merge.apiUrl is not a URL");
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw refused(
          "merge.apiUrl must be an https URL; the token is never sent in clear text (a worker may"
              + " set "
              + WORKER_VARIABLE
              + " to another URL itself)");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.equals(URI.create(DEFAULT).getHost()) || host.equals(hostOf(worker))) {
      return asked;
    }
    throw refused(
        "merge.apiUrl names host "
            + host
            + ", which this worker does not trust with its token; to use GitHub Enterprise, set "
            + WORKER_VARIABLE
            + " in the worker's environment to that server's API URL");
  }

  private static String hostOf(String url) {
    if (url == null) {
      return null;
    }
    try {
      String host = URI.create(url).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String trimmed(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String t = url.trim();
    return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
  }

  private static ApplicationFailure refused(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, PullRequestFailure.API_URL_REFUSED);
  }
}
