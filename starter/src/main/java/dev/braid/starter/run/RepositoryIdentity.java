package dev.braid.starter.run;

import dev.braid.activities.git.GitCli;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What makes two checkouts the same repository: their {@code origin}'s URL, without scheme,
 * credentials, a trailing {@code .git} or slash, so that {@code git@github.com:acme/shop.git} and
 * {@code https://me@github.com/acme/shop} are both {@code github.com/acme/shop}; a checkout with no
 * {@code origin} is its own absolute path. The run's task queue is named after it, so a worker only
 * ever gets the work of the repository its checkout holds, wherever that checkout lives.
 */
public final class RepositoryIdentity {
  private RepositoryIdentity() {}

  /** The identity of the repository this checkout holds. */
  public static String of(Path checkout) {
    var outcome = new GitCli(checkout).tryRun("remote", "get-url", "origin");
    if (!outcome.succeeded() || outcome.output().isBlank()) {
      return checkout.toAbsolutePath().normalize().toString();
    }
    return normalize(outcome.output().trim(), checkout);
  }

  /** A remote URL as an identity; a relative local path is taken from the checkout. */
  static String normalize(String url, Path checkout) {
    String id;
    int scheme = url.indexOf("://");
    int colon = url.indexOf(':');
    int slash = url.indexOf('/');
    if (scheme > 0) {
      id = withoutScheme(url);
    } else if (colon > 0 && (slash < 0 || colon < slash) && !isWindowsDrive(url)) {
      // scp-like syntax: [user@]host:path
      String host = url.substring(0, colon);
      host = host.substring(host.indexOf('@') + 1).toLowerCase(Locale.ROOT);
      id = host + "/" + withoutLeadingSlashes(url.substring(colon + 1));
    } else {
      id = checkout.resolve(url).toAbsolutePath().normalize().toString();
    }
    id = stripSlashes(id);
    return id.endsWith(".git") ? id.substring(0, id.length() - 4) : id;
  }

  private static String withoutScheme(String url) {
    try {
      URI uri = new URI(url);
      if ("file".equalsIgnoreCase(uri.getScheme())) {
        return Path.of(uri.getPath()).normalize().toString();
      }
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
      return host + port + "/" + withoutLeadingSlashes(uri.getPath() == null ? "" : uri.getPath());
    } catch (URISyntaxException e) {
      // Not a URI Java reads: keep what follows the scheme and any credentials.
      String rest = url.substring(url.indexOf("://") + 3);
      int at = rest.indexOf('@');
      int firstSlash = rest.indexOf('/');
      return at >= 0 && (firstSlash < 0 || at < firstSlash) ? rest.substring(at + 1) : rest;
    }
  }

  private static boolean isWindowsDrive(String url) {
    return url.length() > 2 && url.charAt(1) == ':' && Character.isLetter(url.charAt(0));
  }

  private static String stripSlashes(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static String withoutLeadingSlashes(String path) {
    String p = path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    return p;
  }
}
