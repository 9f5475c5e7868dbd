package dev.braid.activities.github;

import dev.braid.activity.PullRequestFailure;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The worker's GitHub token and the variable it came from. The token is read from the environment
 * when an activity runs, so it never travels through Temporal; {@link #toString()} and every
 * message built here name only the variable.
 */
final class GitHubToken {
  /** Where the token is looked for, in order: the name GitHub Actions uses, then gh's. */
  static final List<String> VARIABLES = List.of("GITHUB_TOKEN", "GH_TOKEN");

  private final String variable;
  private final String value;

  private GitHubToken(String variable, String value) {
    this.variable = variable;
    this.value = value;
  }

  /**
   * @param env reads an environment variable ({@code System::getenv} in production)
   * @throws ApplicationFailure non-retryable {@link PullRequestFailure#AUTH} when no variable holds
   *     a token
   */
  static GitHubToken fromEnvironment(UnaryOperator<String> env) {
    for (String variable : VARIABLES) {
      String value = env.apply(variable);
      if (value != null && !value.isBlank()) {
        return new GitHubToken(variable, value.trim());
      }
    }
    throw ApplicationFailure.newNonRetryableFailure(
        "no GitHub token: set GITHUB_TOKEN (or GH_TOKEN) in the environment of the braid worker to"
            + " a token that may write pull requests and issues; braid never passes it through"
            + " Temporal",
        PullRequestFailure.AUTH);
  }

  /** The variable that held the token, for messages. */
  String variable() {
    return variable;
  }

  /** The token itself; only the HTTP client may see it. */
  String value() {
    return value;
  }

  /** {@code text} with every occurrence of the token masked, for text that came from elsewhere. */
  String redact(String text) {
    return text == null ? null : text.replace(value, "***");
  }

  @Override
  public String toString() {
    return "GitHubToken[from " + variable + "]";
  }
}
