package dev.braid.starter.cli;

import dev.braid.workflow.RunPhase;
import dev.braid.workflow.RunStatus;
import dev.braid.workflow.TaskPhase;
import dev.braid.workflow.TaskStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a human needs when a run waits on them: each blocked task, why, where its last log is, and
 * the exact commands that unblock it.
 */
final class BlockedHelp {
  private BlockedHelp() {}

  static void print(RunStatus run, Path repo, PrintWriter out) {
    if (run.phase() != RunPhase.BLOCKED) {
      return;
    }
    List<TaskStatus> blocked =
        run.tasks().stream().filter(t -> t.phase() == TaskPhase.BLOCKED).toList();
    out.println();
    out.printf(
        "The run waits on a human: %d blocked task%s. Nothing runs until you decide.%n",
        blocked.size(), blocked.size() == 1 ? "" : "s");
    for (TaskStatus t : blocked) {
      out.println();
      out.println("  " + t.id() + ": " + t.reason());
      lastLog(repo, run.runId(), t.id()).ifPresent(log -> out.println("    last log: " + log));
      out.println("    worktree: " + repo.resolve("worktrees").resolve(t.id()));
      String unblock = "braid unblock " + run.runId() + " " + t.id();
      out.println("    retry:  " + unblock + " --retry --guidance \"what the agent should know\"");
      out.println("    done:   " + unblock + " --done      (after you fixed the worktree by hand)");
      out.println("    skip:   " + unblock + " --skip      (its dependents are skipped too)");
    }
    out.println();
    out.println("Then follow the run: braid status " + run.runId() + " --watch");
  }

  /** The newest log of the task, which tells why its last attempt failed. */
  static Optional<Path> lastLog(Path repo, String runId, String taskId) {
    Path dir =
        repo.resolve(".parallel/logs")
            .resolve(runId.replaceAll("[^A-Za-z0-9._-]", "_"))
            .resolve(taskId);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> logs = Files.list(dir)) {
      return logs.filter(Files::isRegularFile).max(Comparator.comparingLong(BlockedHelp::modified));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
