package dev.braid.activities.cleanup;

import dev.braid.activities.git.GitCli;
import dev.braid.activity.CleanupRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real repository for cleanup tests: a bare {@code origin.git}, a main checkout on {@code main}
 * that tracks it, and helpers that leave task worktrees and branches the way a run does.
 */
final class CleanupRepo {
  static final String RUN = "braid-demo-0123abcd";
  static final String DATE = "2025-03-04";

  final Path origin;
  final Path repo;
  final Path planDir;

  private CleanupRepo(Path origin, Path repo) {
    this.origin = origin;
    this.repo = repo;
    this.planDir = repo.resolve(".parallel/plans");
  }

  static CleanupRepo create(Path dir) {
    CleanupRepo test = new CleanupRepo(dir.resolve("origin.git"), dir.resolve("repo"));
    mkdirs(test.origin);
    mkdirs(test.repo);
    new GitCli(test.origin).run("init", "--quiet", "--bare", "-b", "main");
    test.git("init", "--quiet", "-b", "main");
    test.git("config", "user.name", "Test User");
    test.git("config", "user.email", "test@example.com");
    write(test.repo.resolve("README.md"), "hello\n");
    write(test.repo.resolve(".gitignore"), "/worktrees/\n/.parallel/archive/\n");
    test.git("add", "--all");
    test.git("commit", "--quiet", "-m", "Initial commit");
    test.git("remote", "add", "origin", test.origin.toString());
    test.git("push", "--quiet", "-u", "origin", "main");
    write(test.planDir.resolve("plan.yaml"), "metadata: {name: demo}\ntasks: []\n");
    write(test.planDir.resolve("tasks/a.md"), "# A\n");
    return test;
  }

  /** A task's worktree on its branch, with one commit, pushed to origin as the run does. */
  Path task(String id) {
    Path worktree = worktree(id);
    git("worktree", "add", "--quiet", "-b", "feature/" + id, worktree.toString(), "main");
    write(worktree.resolve(id + ".txt"), id + "\n");
    new GitCli(worktree).commitAll("Task " + id);
    git("push", "--quiet", "origin", "feature/" + id);
    return worktree;
  }

  /** Merges the branch into main with a merge commit, and pushes main, as the run's merge does. */
  void merge(String branch) {
    git("merge", "--quiet", "--no-ff", "-m", "Merge " + branch, branch);
    git("push", "--quiet", "origin", "main");
  }

  Path worktree(String id) {
    return repo.resolve("worktrees").resolve(id);
  }

  CleanupRequest request(List<String> taskIds) {
    return new CleanupRequest(
        repo.toString(), RUN, planDir.toString(), "main", "origin", taskIds, true, DATE);
  }

  String git(String... args) {
    return new GitCli(repo).run(args);
  }

  boolean hasBranch(String branch) {
    return new GitCli(repo).resolve("refs/heads/" + branch).isPresent();
  }

  boolean originHas(String branch) {
    return new GitCli(origin).resolve("refs/heads/" + branch).isPresent();
  }

  /** Every ref and worktree, to show that a call changed nothing. */
  String state() {
    return git("for-each-ref", "--format=%(refname) %(objectname)")
        + "\n"
        + git("worktree", "list", "--porcelain")
        + "\n"
        + new GitCli(origin).run("for-each-ref", "--format=%(refname) %(objectname)");
  }

  static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
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
