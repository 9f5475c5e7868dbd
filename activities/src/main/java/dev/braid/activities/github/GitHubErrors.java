package dev.braid.activities.github;

import dev.braid.activity.PullRequestFailure;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHIOException;
import org.kohsuke.github.HttpException;

/**
 * Turns what github-api throws into a Temporal failure whose type says whether retrying can help
 * and whose message says what a human should do. Retrying cannot fix a bad token or a refused
 * request, so those are non-retryable; an outage or a rate limit passes, so those retry.
 *
 * <p>Every message names the token's variable, never the token, and is passed through {@link
 * GitHubToken#redact} in case a server echoed it; so is the attached cause chain ({@link
 * RedactedCause}), which Temporal records in the history too.
 */
final class GitHubErrors {
  private GitHubErrors() {}

  /**
   * @param e what the client threw
   * @param action what was being done, such as {@code opening the pull request for feature/a into
   *     main on o/r}
   * @param repository the repository, for a 404's message
   * @param apiUrl the API's base URL, for messages
   * @param token the token used, to name its variable
   */
  static ApplicationFailure toFailure(
      IOException e, String action, GitHubRepository repository, String apiUrl, GitHubToken token) {
    if (e instanceof GHFileNotFoundException) {
      return failure(
          PullRequestFailure.NOT_FOUND,
          false,
          "GitHub at "
              + apiUrl
              + " found no "
              + repository.fullName()
              + " (404) while "
              + action
              + ", or the token from "
              + token.variable()
              + " cannot see it; check merge.repository and the token's repository access",
          e,
          token);
    }
    if (!(e instanceof HttpException http) || http.getResponseCode() < 400) {
      return failure(
          PullRequestFailure.UNAVAILABLE,
          true,
          "cannot reach GitHub at " + apiUrl + " while " + action + ": " + e,
          e,
          token);
    }
    int status = http.getResponseCode();
    String said = status + " " + GitHubErrorBody.explain(http.getMessage());
    if (status == 429 || (status == 403 && rateLimited(e))) {
      return ApplicationFailure.newBuilder()
          .setType(PullRequestFailure.RATE_LIMITED)
          .setMessage(
              token.redact("GitHub's rate limit was hit while " + action + " (" + said + ")"))
          .setNextRetryDelay(retryAfter(e))
          .setCause(RedactedCause.of(e, token::redact))
          .build();
    }
    if (status == 401) {
      return failure(
          PullRequestFailure.AUTH,
          false,
          "GitHub refused the token from "
              + token.variable()
              + " ("
              + said
              + ") while "
              + action
              + "; set GITHUB_TOKEN (or GH_TOKEN) in the braid worker's environment to a valid"
              + " token",
          e,
          token);
    }
    if (status == 403) {
      return failure(
          PullRequestFailure.AUTH,
          false,
          "the token from "
              + token.variable()
              + " may not do this ("
              + said
              + ") while "
              + action
              + "; set GITHUB_TOKEN (or GH_TOKEN) to a token with write access to pull requests and"
              + " issues on "
              + repository.fullName(),
          e,
          token);
    }
    if (status >= 500) {
      return failure(
          PullRequestFailure.UNAVAILABLE,
          true,
          "GitHub failed (" + said + ") while " + action,
          e,
          token);
    }
    return failure(
        PullRequestFailure.REJECTED,
        false,
        "GitHub rejected " + action + " (" + said + ")",
        e,
        token);
  }

  private static ApplicationFailure failure(
      String type, boolean retryable, String message, IOException cause, GitHubToken token) {
    return ApplicationFailure.newBuilder()
        .setType(type)
        .setMessage(token.redact(message))
        .setNonRetryable(!retryable)
        .setCause(RedactedCause.of(cause, token::redact))
        .build();
  }

  /**
   * A 403 is a rate limit, not a permission problem, when GitHub's message says so or when the
   * library's fail-fast rate-limit handlers raised it (their exception is the cause).
   */
  private static boolean rateLimited(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("rate limit") || message.contains("abuse limit")) {
        return true;
      }
    }
    return false;
  }

  /** GitHub's {@code Retry-After} seconds, when a response in the chain carried it. */
  private static Duration retryAfter(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof GHIOException gh && gh.getResponseHeaderFields() != null) {
        for (Map.Entry<String, List<String>> h : gh.getResponseHeaderFields().entrySet()) {
          if ("retry-after".equalsIgnoreCase(h.getKey()) && !h.getValue().isEmpty()) {
            try {
              return Duration.ofSeconds(Long.parseLong(h.getValue().get(0).trim()));
            } catch (NumberFormatException httpDate) {
              // GitHub sends seconds; for anything else the retry policy's own backoff serves.
              return null;
            }
          }
        }
      }
    }
    return null;
  }
}
