package dev.braid.activities.github;

import dev.braid.activities.git.GitCli;
import java.nio.file.Path;

/** A real git checkout for the tests that read the remote's URL. */
final class TestGit {
  private TestGit() {}

  /**
   * @param url the URL of remote {@code origin}, or null for a checkout without it
   */
  static void init(Path dir, String url) {
    GitCli git = new GitCli(dir);
    git.run("init", "--quiet");
    if (url != null) {
      git.run("remote", "add", "origin", url);
    }
  }
}
