package dev.braid.activities.github;

import java.io.IOException;
import java.net.http.HttpClient;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.extras.HttpClientGitHubConnector;

/** Builds the github-api client the pull-request activity talks through. */
final class GitHubConnection {
  private GitHubConnection() {}

  /**
   * A client for one call. Hitting a rate limit fails at once instead of sleeping in the library
   * (its default): a sleeping activity would hold a worker slot without heartbeating, whereas a
   * failure lets Temporal's retry policy do the waiting, visibly in the history.
   *
   * <p>The login is given as empty, which spares the {@code GET /user} the library otherwise sends
   * to learn it: opening pull requests never needs it, and GitHub Actions' installation tokens are
   * refused on that endpoint.
   *
   * @param apiUrl the REST API's base URL
   * @param token the token to send
   * @param http the shared JDK client, whose connection pool outlives one call
   */
  static GitHub open(String apiUrl, GitHubToken token, HttpClient http) throws IOException {
    return new GitHubBuilder()
        .withEndpoint(apiUrl)
        .withOAuthToken(token.value(), "")
        .withConnector(new HttpClientGitHubConnector(http))
        .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
        .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
        .build();
  }
}
