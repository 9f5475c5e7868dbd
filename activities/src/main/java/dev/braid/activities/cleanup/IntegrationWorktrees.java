package dev.braid.activities.cleanup;

import dev.braid.activities.git.GitCli;
import dev.braid.activities.git.GitPaths;
import dev.braid.activities.process.ProcessOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds a run's integration worktrees: the folders {@code worktrees/.integration-*} that have the
 * run's integration branch checked out, and the detached ones where its merge steps were checked
 * ahead ({@code worktrees/.ahead-<run>-*}), which a killed worker may leave behind. Matching on the
 * branch rather than rebuilding the folder's name keeps cleanup right whatever spelling the merge
 * gives the folder, and leaves other runs' integration worktrees alone.
 */
final class IntegrationWorktrees {
  private static final String PREFIX = ".integration-";

  private IntegrationWorktrees() {}

  static List<Path> of(GitCli main, Path worktreesDir, String branch, String runId) {
    String ahead = GitPaths.aheadPrefix(runId);
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(worktreesDir)) {
      return found;
    }
    try (Stream<Path> entries = Files.list(worktreesDir)) {
      for (Path path : entries.sorted().toList()) {
        String name = path.getFileName().toString();
        if (name.startsWith(ahead) && Files.exists(path.resolve(".git"))) {
          found.add(path);
        } else if (name.startsWith(PREFIX) && Files.exists(path.resolve(".git"))) {
          ProcessOutcome head = main.in(path).tryRun("symbolic-ref", "--quiet", "--short", "HEAD");
          if (head.succeeded() && head.output().trim().equals(branch)) {
            found.add(path);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + worktreesDir, e);
    }
    return found;
  }
}
