package dev.braid.activities.github;

import dev.braid.activities.git.GitCli;
import dev.braid.activities.process.ProcessOutcome;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Tells which GitHub repository a request is about: the {@code merge.repository} setting when
 * given, else the one the remote's URL names, read with the git CLI so that the user's {@code
 * insteadOf} rewrites apply exactly as for their own pushes.
 */
final class RepositoryResolver {
  private RepositoryResolver() {}

  /**
   * @param setting {@code owner/name}, or null or blank to read the remote
   * @param checkout the main checkout
   * @param remote the remote's name
   * @param apiUrl the API's base URL; its host is accepted as a GitHub host besides github.com
   */
  static GitHubRepository resolve(String setting, Path checkout, String remote, String apiUrl) {
    if (setting != null && !setting.isBlank()) {
      return GitHubRepository.ofFullName(setting);
    }
    ProcessOutcome outcome = new GitCli(checkout).tryRun("remote", "get-url", remote);
    if (!outcome.succeeded()) {
      throw GitHubRepository.unknown(
          checkout
              + " has no remote '"
              // The config loader accepts only a remote's name; a URL from an older run may carry
              // credentials, which never belong in a message.
              + GitHubRepository.redact(remote)
              + "'; set merge.repository: owner/name in braid.yaml");
    }
    return GitHubRepository.ofRemoteUrl(remote, outcome.output(), gitHubHosts(apiUrl));
  }

  /**
   * The hosts a GitHub server at {@code apiUrl} serves git from: its own, and without the {@code
   * api.} prefix that github.com and some Enterprise servers put on their API host.
   */
  static Set<String> gitHubHosts(String apiUrl) {
    Set<String> hosts = new HashSet<>();
    String host = URI.create(apiUrl).getHost();
    if (host != null) {
      host = host.toLowerCase(Locale.ROOT);
      hosts.add(host);
      if (host.startsWith("api.")) {
        hosts.add(host.substring(4));
      }
    }
    return hosts;
  }
}
