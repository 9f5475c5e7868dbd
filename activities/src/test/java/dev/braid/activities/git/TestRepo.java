package dev.braid.activities.git;

import dev.braid.activities.process.Heartbeat;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.PrepareRequest;
import dev.braid.activity.PreparedWorktree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real repository for tests: a bare {@code origin.git} and a main checkout on {@code main} that
 * tracks it, with one commit.
 */
final class TestRepo {
  static final String HOST_QUEUE = "braid@test-host";

  final Path origin;
  final Path repo;

  private TestRepo(Path origin, Path repo) {
    this.origin = origin;
    this.repo = repo;
  }

  /** Creates origin and main checkout under {@code dir}. */
  static TestRepo create(Path dir) {
    Path origin = dir.resolve("origin.git");
    Path repo = dir.resolve("repo");
    mkdirs(origin);
    mkdirs(repo);
    new GitCli(origin).run("init", "--quiet", "--bare", "-b", "main");
    TestRepo test = new TestRepo(origin, repo);
    test.git("init", "--quiet", "-b", "main");
    test.git("config", "user.name", "Test User");
    test.git("config", "user.email", "test@example.com");
    test.commit(repo, "README.md", "hello\n", "Initial commit");
    test.git("remote", "add", "origin", origin.toString());
    test.git("push", "--quiet", "-u", "origin", "main");
    return test;
  }

  /** Runs git in the main checkout. */
  String git(String... args) {
    return new GitCli(repo).run(args);
  }

  /** Runs git in a directory. */
  static String gitIn(Path dir, String... args) {
    return new GitCli(dir).run(args);
  }

  /** The commit a revision names in the main checkout's repository. */
  String rev(String revision) {
    return git("rev-parse", revision);
  }

  /** The commit a branch has in origin, or empty when origin lacks it. */
  String originRev(String branch) {
    return new GitCli(origin).resolve("refs/heads/" + branch).orElse("");
  }

  /** Writes a file in a checkout and commits everything there. */
  String commit(Path checkout, String file, String content, String message) {
    write(checkout.resolve(file), content);
    return new GitCli(checkout).commitAll(message).orElseThrow();
  }

  /** Prepares a task's worktree without Temporal or setup. */
  PreparedWorktree prepare(String taskId) {
    return worktrees().prepare(new PrepareRequest(repo.toString(), taskId, "main", List.of()));
  }

  /** Prepares a task's worktree and commits one file on its branch. */
  String taskWithFile(String taskId, String file, String content) {
    PreparedWorktree prepared = prepare(taskId);
    return commit(Path.of(prepared.path()), file, content, "Task " + taskId);
  }

  /** Worktree activities outside Temporal. */
  WorktreeActivitiesImpl worktrees() {
    return new WorktreeActivitiesImpl(HOST_QUEUE, new ProcessRunner(), () -> Heartbeat.NONE);
  }

  /** Git activities outside Temporal. */
  GitActivitiesImpl gitActivities() {
    return new GitActivitiesImpl(new ProcessRunner(), () -> Heartbeat.NONE);
  }

  /** How many merge commits a revision's history has. */
  int mergeCount(String revision) {
    String out = git("rev-list", "--merges", "--count", revision);
    return Integer.parseInt(out);
  }

  /** Whether any checkout of the repository, main or linked, is in the middle of a merge. */
  boolean anyMergeInProgress() {
    Path gitDir = repo.resolve(".git");
    if (Files.exists(gitDir.resolve("MERGE_HEAD"))) {
      return true;
    }
    Path linked = gitDir.resolve("worktrees");
    if (!Files.isDirectory(linked)) {
      return false;
    }
    try (var dirs = Files.list(linked)) {
      return dirs.anyMatch(d -> Files.exists(d.resolve("MERGE_HEAD")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void mkdirs(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
