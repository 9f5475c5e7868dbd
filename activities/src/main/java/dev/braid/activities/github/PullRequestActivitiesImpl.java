package dev.braid.activities.github;

import dev.braid.activities.files.LocalCheckout;
import dev.braid.activity.PullRequestActivities;
import dev.braid.activity.PullRequestRequest;
import dev.braid.activity.PullRequestResult;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.kohsuke.github.GHException;

/**
 * Opens one pull request per task through GitHub's REST API, with the github-api client.
 *
 * <p>The token comes from the worker's environment ({@code GITHUB_TOKEN}, else {@code GH_TOKEN})
 * when the activity runs, so it never enters a payload, the history or a log. The API's base URL is
 * chosen by {@link GitHubApiUrl}: the worker's {@code GITHUB_API_URL}, else github.com's; a {@code
 * merge.apiUrl} from the config only when it is https on a host the worker trusts.
 *
 * <p><b>Idempotency.</b> An open pull request for the branch is found first and reused, changed
 * only where it differs from the request; see {@link PullRequestActivities#openOrUpdate}. Pushing
 * the branch is not this activity's job: the task workflow has already pushed it.
 *
 * <p><b>Failures.</b> A missing or refused token ({@code GitHubAuth}), a refused request ({@code
 * GitHubRejected}), an unknown repository ({@code GitHubNotFound}, {@code GitHubRepositoryUnknown})
 * are non-retryable; an outage ({@code GitHubUnavailable}) and a rate limit ({@code
 * GitHubRateLimited}) are retryable. See {@link dev.braid.activity.PullRequestFailure}.
 */
public final class PullRequestActivitiesImpl implements PullRequestActivities {

  /** A GitHub that cannot be reached in this long will not be reached by waiting longer. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

  private final UnaryOperator<String> env;
  private final HttpClient http;
  private final LocalCheckout checkout;

  /** The production activity, reading the worker's environment. */
  public PullRequestActivitiesImpl() {
    this(System::getenv);
  }

  /** The production activity, reading task files in {@code checkout}. */
  public PullRequestActivitiesImpl(LocalCheckout checkout) {
    this(System::getenv, checkout);
  }

  /**
   * @param env reads an environment variable; tests pass a map's {@code get}
   */
  public PullRequestActivitiesImpl(UnaryOperator<String> env) {
    this(env, LocalCheckout.UNKNOWN);
  }

  /**
   * @param env reads an environment variable
   * @param checkout this worker's checkout, whose remote and task file are read for a run started
   *     from a checkout elsewhere
   */
  public PullRequestActivitiesImpl(UnaryOperator<String> env, LocalCheckout checkout) {
    this.env = env;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    this.checkout = checkout;
  }

  @Override
  public PullRequestResult openOrUpdate(PullRequestRequest given) {
    PullRequestRequest request = TaskFileText.fill(checkout.local(given));
    String apiUrl = GitHubApiUrl.choose(request.apiUrl(), env);
    GitHubToken token = GitHubToken.fromEnvironment(env);
    GitHubRepository repository =
        RepositoryResolver.resolve(
            request.repository(), Path.of(request.repo()), request.remote(), apiUrl);
    String action =
        "opening the pull request for "
            + request.branch()
            + " into "
            + request.base()
            + " on "
            + repository.fullName();
    try {
      return new PullRequestSync(
              GitHubConnection.open(apiUrl, token, http).getRepository(repository.fullName()))
          .openOrUpdate(request);
    } catch (IOException e) {
      throw GitHubErrors.toFailure(e, action, repository, apiUrl, token);
    } catch (GHException e) {
      // github-api wraps I/O failures met while paging in this unchecked exception.
      if (e.getCause() instanceof IOException io) {
        throw GitHubErrors.toFailure(io, action, repository, apiUrl, token);
      }
      throw e;
    }
  }
}
