package dev.braid.activities.github;

import dev.braid.activities.git.GitCli;
import dev.braid.activity.GitHubLocation;
import dev.braid.testsupport.github.FakeGitHub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A bare origin GitHub serves, a clone of it with {@code main} pushed, the stand-in playing GitHub
 * for the origin, and the activities with a worker environment that trusts the stand-in.
 */
final class GitHubFlowFixture implements AutoCloseable {
  static final String TOKEN = PullRequestActivitiesImplTest.TOKEN;

  final Path origin;
  final Path clone;
  final GitCli git;
  final FakeGitHub github;
  final GitHubFlowActivitiesImpl activities;

  GitHubFlowFixture(Path dir) throws IOException {
    origin = dir.resolve("origin.git");
    clone = dir.resolve("clone");
    Files.createDirectories(clone);
    new GitCli(dir).run("init", "--quiet", "--bare", "-b", "main", origin.toString());
    git = new GitCli(clone);
    git.run("init", "--quiet", "-b", "main");
    git.run("config", "user.name", "Tester");
    git.run("config", "user.email", "tester@example.com");
    git.run("remote", "add", "origin", origin.toString());
    commit("README.md", "hello\n", "start");
    git.run("push", "--quiet", "origin", "main");
    github = new FakeGitHub(TOKEN, "octo", "app").branchesOf(origin);
    activities =
        new GitHubFlowActivitiesImpl(
            Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", github.apiUrl())::get);
  }

  GitHubLocation location() {
    return new GitHubLocation(clone.toString(), "origin", "octo/app", github.apiUrl());
  }

  /** Writes a file and commits it on the checked-out branch; returns the commit. */
  String commit(String file, String content, String message) throws IOException {
    Files.writeString(clone.resolve(file), content);
    git.run("add", file);
    git.run("commit", "--quiet", "-m", message);
    return git.head();
  }

  /** Creates {@code branch} from {@code from} with one commit of {@code file}, and pushes it. */
  String pushBranch(String branch, String from, String file) throws IOException {
    git.run("checkout", "--quiet", "-b", branch, from);
    String head = commit(file, branch + "\n", "work on " + branch);
    git.run("push", "--quiet", "origin", branch);
    return head;
  }

  /** The commit a branch points at in the origin. */
  String originHead(String branch) {
    return git.run("--git-dir", origin.toString(), "rev-parse", "refs/heads/" + branch);
  }

  @Override
  public void close() {
    github.close();
  }
}
