package dev.braid.starter.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The git steps every test repository goes through: created, committed, pushed to an origin. */
public final class TestRepos {
  private TestRepos() {}

  /**
   * A new repository on {@code main} in {@code dir}, with {@code user} as its committer, so commits
   * work whatever the machine's git config says.
   */
  public static Path init(Path dir, String user) throws IOException, InterruptedException {
    Path repo = Files.createDirectories(dir);
    Git.run(repo, "init", "--quiet", "-b", "main");
    Git.run(repo, "config", "user.name", user);
    Git.run(repo, "config", "user.email", user + "@braid.invalid");
    return repo;
  }

  /** A bare repository {@code tmp/origin.git} on {@code main}, for a run to push to. */
  public static Path bareOrigin(Path tmp) throws IOException, InterruptedException {
    Path origin = tmp.resolve("origin.git");
    Git.run(tmp, "init", "--quiet", "--bare", "-b", "main", origin.toString());
    return origin;
  }

  /** Commits everything in the repository. */
  public static void commitAll(Path repo, String message) throws IOException, InterruptedException {
    Git.run(repo, "add", "-A");
    Git.run(repo, "commit", "--quiet", "-m", message);
  }

  /** Makes {@code origin} the repository's remote and pushes {@code main} there. */
  public static void pushToOrigin(Path repo, Path origin) throws IOException, InterruptedException {
    Git.run(repo, "remote", "add", "origin", origin.toString());
    Git.run(repo, "push", "--quiet", "-u", "origin", "main");
  }
}
