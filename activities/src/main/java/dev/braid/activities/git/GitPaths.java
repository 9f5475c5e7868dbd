package dev.braid.activities.git;

import dev.braid.activities.files.PrivateDirectory;
import dev.braid.workflow.BraidNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/** Where braid puts its worktrees and logs, and how paths are compared with what git prints. */
public final class GitPaths {
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

  private GitPaths() {}

  /** A task's worktree. */
  static Path taskWorktree(Path repo, String taskId) {
    return repo.resolve(BraidNames.WORKTREES_DIR).resolve(taskId);
  }

  /** A run's integration worktree; the leading dot keeps it apart from any task id's. */
  static Path integrationWorktree(Path repo, String runId) {
    return repo.resolve(BraidNames.WORKTREES_DIR).resolve(".integration-" + sanitize(runId));
  }

  /**
   * The worktree where a merge step of a run is checked ahead, apart from the integration worktree
   * so that both check at once; named by the branches it merges, so that steps checked ahead at the
   * same time each have their own, and a retry of one finds its own again.
   */
  static Path speculationWorktree(Path repo, String runId, List<String> branches) {
    return repo.resolve(BraidNames.WORKTREES_DIR).resolve(aheadPrefix(runId) + digest(branches));
  }

  /** How the names of a run's worktrees for steps checked ahead begin. */
  public static String aheadPrefix(String runId) {
    return ".ahead-" + sanitize(runId) + "-";
  }

  /** Where the checks of a merge step checked ahead are logged. */
  static Path speculationChecksLog(Path repo, String runId, String logRun, List<String> branches) {
    return mergeChecksLog(repo, runId, logRun)
        .resolveSibling("merge-checks-ahead-" + digest(branches) + ".log");
  }

  private static String digest(List<String> branches) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(String.join("\n", branches).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Where the merge's check output of a run is logged. */
  static Path mergeChecksLog(Path repo, String runId, String logRun) {
    Path run = PrivateDirectory.logs(repo).resolve(sanitize(runId));
    return (logRun == null ? run : run.resolve(sanitize(logRun))).resolve("merge-checks.log");
  }

  /** A name safe as one path segment: anything but {@code [A-Za-z0-9._-]} becomes a dash. */
  static String sanitize(String name) {
    String safe = UNSAFE.matcher(name).replaceAll("-");
    return safe.startsWith(".") ? "-" + safe.substring(1) : safe;
  }

  /**
   * The path with symbolic links resolved as far as it exists, so that it compares equal to the
   * real paths git prints (on macOS, for one, {@code /tmp} is a link).
   */
  static Path canonical(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    try {
      if (Files.exists(absolute)) {
        return absolute.toRealPath();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + absolute, e);
    }
    Path parent = absolute.getParent();
    return parent == null ? absolute : canonical(parent).resolve(absolute.getFileName());
  }

  /** Whether the path is missing or an empty directory, so that git can create a worktree there. */
  static boolean vacant(Path path) {
    if (!Files.exists(path)) {
      return true;
    }
    if (!Files.isDirectory(path)) {
      return false;
    }
    try (var entries = Files.list(path)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path, e);
    }
  }
}
