package dev.braid.activities.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real repository with one commit, a task file and a linked worktree on {@code feature/<id>}, set
 * up the way braid sets them up, so that {@code git rev-parse --git-dir} in the worktree answers
 * {@code <repo>/.git/worktrees/<id>} as in production.
 */
final class GitFixture {
  final Path repo;
  final Path worktree;
  final Path taskFile;
  final String taskId;

  GitFixture(Path root, String taskId) throws IOException, InterruptedException {
    this.taskId = taskId;
    this.repo = root.resolve("repo");
    this.worktree = root.resolve("worktrees").resolve(taskId);
    Files.createDirectories(repo);
    git(repo, "init", "-q", "-b", "main");
    git(repo, "config", "user.name", "Test");
    git(repo, "config", "user.email", "test@example.com");
    git(repo, "config", "commit.gpgsign", "false");
    Files.writeString(repo.resolve("README.md"), "hello\n");
    Files.writeString(repo.resolve(".gitignore"), ".parallel/\n");
    this.taskFile = repo.resolve(".parallel/plans/tasks/" + taskId + ".md");
    Files.createDirectories(taskFile.getParent());
    Files.writeString(
        taskFile,
        "---\nid: " + taskId + "\npriority: high\n---\n# Add a greeting\n\nWrite hello.txt.\n");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "initial");
    git(repo, "worktree", "add", "-q", worktree.toString(), "-b", "feature/" + taskId);
  }

  /** Runs git and returns its trimmed output; fails the test when git fails. */
  static String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>();
    argv.add("git");
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("git " + String.join(" ", args) + " failed: " + out);
    }
    return out.strip();
  }

  String git(String... args) throws IOException, InterruptedException {
    return git(worktree, args);
  }

  /** The task's state directory, where braid keeps feedback, prompts and results. */
  Path stateDir() {
    return repo.resolve(".git/worktrees").resolve(taskId).resolve("braid");
  }

  /** Writes an executable bash script. */
  static Path script(Path file, String body) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/bash\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
