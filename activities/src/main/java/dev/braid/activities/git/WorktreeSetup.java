package dev.braid.activities.git;

import dev.braid.activity.PrepareRequest;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the configured setup commands (such as {@code npm ci}) in a task's worktree once. The marker
 * that records success lives in the worktree's private git directory, out of the working tree, so
 * the agent cannot commit it and it goes away with the worktree.
 */
final class WorktreeSetup {
  private static final Logger log = LoggerFactory.getLogger(WorktreeSetup.class);

  private final CommandSequence commands;

  WorktreeSetup(CommandSequence commands) {
    this.commands = commands;
  }

  /**
   * Runs the setup unless it already succeeded in this worktree. Idempotent: after one success it
   * never runs again; after a failure the next call runs every command again.
   *
   * @param worktree the task's worktree
   * @param gitDir the worktree's own git directory
   * @throws ApplicationFailure retryable {@link GitFailures#SETUP_FAILED} with the output's tail
   */
  void runOnce(Path worktree, Path gitDir, PrepareRequest request) {
    Path marker = gitDir.resolve("braid").resolve("setup.done");
    if (Files.exists(marker)) {
      log.info("Setup already done in {}", worktree);
      return;
    }
    if (!request.setup().isEmpty()) {
      log.info("Running {} setup command(s) in {}", request.setup().size(), worktree);
      CommandSequence.Outcome outcome =
          commands.run(
              request.setup(),
              List.of(),
              worktree,
              Map.of("taskId", request.taskId(), "worktree", worktree.toString()),
              Map.of("BRAID_TASK_ID", request.taskId()),
              gitDir.resolve("braid").resolve("setup.log"));
      if (!outcome.succeeded()) {
        throw ApplicationFailure.newFailure(
            String.format(
                "Setup of task %s failed in %s: %s%n%s",
                request.taskId(), worktree, outcome.summary(), outcome.tail()),
            GitFailures.SETUP_FAILED);
      }
    }
    writeMarker(marker);
  }

  private static void writeMarker(Path marker) {
    try {
      Files.createDirectories(marker.getParent());
      Path partial = marker.resolveSibling("setup.done.tmp");
      Files.writeString(partial, "done\n", StandardCharsets.UTF_8);
      Files.move(
          partial, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + marker, e);
    }
  }
}
