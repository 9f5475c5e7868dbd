package dev.braid.activities.github;

import dev.braid.activity.GitHubLocation;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.kohsuke.github.GHException;

/**
 * One activity's access to one repository: the API URL the worker trusts, the token from the
 * worker's environment and the repository, settled before anything is sent; then calls whose
 * failures become typed Temporal failures with the token redacted ({@link GitHubErrors}).
 */
final class GitHubSession {
  private final String apiUrl;
  private final GitHubToken token;
  private final GitHubRepository repository;
  private final HttpClient http;

  private GitHubSession(
      String apiUrl, GitHubToken token, GitHubRepository repository, HttpClient http) {
    this.apiUrl = apiUrl;
    this.token = token;
    this.repository = repository;
    this.http = http;
  }

  /**
   * @throws io.temporal.failure.ApplicationFailure non-retryable, when the API URL is not trusted,
   *     the environment has no token or the repository cannot be told
   */
  static GitHubSession open(GitHubLocation where, UnaryOperator<String> env, HttpClient http) {
    String apiUrl = GitHubApiUrl.choose(where.apiUrl(), env);
    GitHubToken token = GitHubToken.fromEnvironment(env);
    GitHubRepository repository =
        RepositoryResolver.resolve(
            where.repository(),
            where.repo() == null ? Path.of(".") : Path.of(where.repo()),
            where.remote(),
            apiUrl);
    return new GitHubSession(apiUrl, token, repository, http);
  }

  GitHubRepository repository() {
    return repository;
  }

  /**
   * Runs the call on the repository.
   *
   * @param action what is being done, for messages, such as {@code reading pull request #3}
   */
  <T> T run(String action, GitHubCall<T> call) {
    String doing = action + " on " + repository.fullName();
    try {
      return call.on(
          GitHubConnection.open(apiUrl, token, http).getRepository(repository.fullName()));
    } catch (IOException e) {
      throw GitHubErrors.toFailure(e, doing, repository, apiUrl, token);
    } catch (GHException e) {
      // github-api wraps I/O failures met while paging in this unchecked exception.
      if (e.getCause() instanceof IOException io) {
        throw GitHubErrors.toFailure(io, doing, repository, apiUrl, token);
      }
      throw e;
    }
  }
}
