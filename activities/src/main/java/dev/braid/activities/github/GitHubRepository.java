package dev.braid.activities.github;

import dev.braid.activity.PullRequestFailure;
import io.temporal.failure.ApplicationFailure;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub repository, {@code owner/name}, as given by {@code merge.repository} or read from a
 * remote's URL. Parsing fails with a message naming the remote and the setting that would fix it,
 * because a wrong guess would open pull requests on someone else's repository.
 *
 * @param owner the user or organization
 * @param name the repository's name
 */
public record GitHubRepository(String owner, String name) {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

  /** {@code git@github.com:o/r.git}: scp-like syntax, a colon not followed by a slash. */
  private static final Pattern SCP = Pattern.compile("^(?:[^@/]+@)?([^:/]+):(?!/)(.+)$");

  /** {@code https://github.com/o/r.git}, {@code ssh://git@github.com:22/o/r.git}. */
  private static final Pattern URL =
      Pattern.compile("^(?:https?|ssh|git)://(?:[^@/]+@)?([^/:]+)(?::\\d+)?/(.+)$");

  /** The userinfo of a URL, which may hold a password or token. */
  private static final Pattern USERINFO = Pattern.compile("(?<=://)[^@/]+@");

  /** The {@code owner/name} form. */
  public String fullName() {
    return owner + "/" + name;
  }

  /**
   * Parses the {@code merge.repository} setting.
   *
   * @throws ApplicationFailure non-retryable {@link PullRequestFailure#REPOSITORY_UNKNOWN}
   */
  public static GitHubRepository ofFullName(String fullName) {
    String[] parts = fullName.trim().split("/", -1);
    if (parts.length != 2 || !valid(parts[0]) || !valid(parts[1])) {
      throw unknown(
          "merge.repository '" + fullName + "' is not of the form owner/name, such as octo/app");
    }
    return new GitHubRepository(parts[0], parts[1]);
  }

  /**
   * Reads {@code owner/name} from a remote's URL on github.com, or on one of {@code hosts} (a
   * GitHub Enterprise server).
   *
   * @param remote the remote's name, for the message
   * @param url its URL, as {@code git remote get-url} prints it
   * @param hosts further hosts that serve GitHub, lower case
   * @throws ApplicationFailure non-retryable {@link PullRequestFailure#REPOSITORY_UNKNOWN}
   */
  public static GitHubRepository ofRemoteUrl(String remote, String url, Set<String> hosts) {
    String trimmed = url.trim();
    Matcher m = URL.matcher(trimmed);
    if (!m.matches()) {
      m = SCP.matcher(trimmed);
    }
    if (m.matches()) {
      String host = m.group(1).toLowerCase(Locale.ROOT);
      String[] path = stripGit(m.group(2)).split("/", -1);
      if ((host.equals("github.com") || hosts.contains(host))
          && path.length == 2
          && valid(path[0])
          && valid(path[1])) {
        return new GitHubRepository(path[0], path[1]);
      }
    }
    throw unknown(
        "remote '"
            + remote
            + "' ("
            + redact(trimmed)
            + ") is not a GitHub repository URL; set merge.repository: owner/name in braid.yaml");
  }

  /** The URL without its userinfo, for messages: an https remote may embed a token. */
  static String redact(String url) {
    return USERINFO.matcher(url).replaceFirst("***@");
  }

  static ApplicationFailure unknown(String message) {
    return ApplicationFailure.newNonRetryableFailure(
        "cannot tell which GitHub repository to open pull requests on: " + message,
        PullRequestFailure.REPOSITORY_UNKNOWN);
  }

  private static String stripGit(String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return p.endsWith(".git") ? p.substring(0, p.length() - 4) : p;
  }

  private static boolean valid(String segment) {
    return SEGMENT.matcher(segment).matches() && !segment.equals(".") && !segment.equals("..");
  }
}
