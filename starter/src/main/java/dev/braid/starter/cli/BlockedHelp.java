package dev.braid.starter.cli;

import dev.braid.workflow.BlockKind;
import dev.braid.workflow.Blocker;
import dev.braid.workflow.BraidNames;
import dev.braid.workflow.RunPhase;
import dev.braid.workflow.RunStatus;
import dev.braid.workflow.TaskPhase;
import dev.braid.workflow.TaskStatus;
import dev.braid.workflow.UnblockAction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a human needs when a task waits on them: each blocked task, why (its kind and reason), where
 * its last log is, and the exact commands that unblock it: only those its blocker allows, so braid
 * never suggests a decision the run would refuse.
 */
final class BlockedHelp {
  private BlockedHelp() {}

  static void print(RunStatus run, Path repo, PrintWriter out) {
    List<TaskStatus> blocked =
        run.tasks().stream().filter(t -> t.phase() == TaskPhase.BLOCKED).toList();
    // An ended run takes no decision any more, so it gets no commands.
    if (blocked.isEmpty() || !alive(run.phase())) {
      return;
    }
    out.println();
    String tasks = blocked.size() + " blocked task" + (blocked.size() == 1 ? "" : "s");
    out.println(
        run.phase() == RunPhase.BLOCKED
            ? "The run waits on a human: " + tasks + ". Nothing runs until you decide."
            : tasks + " wait for a decision; the rest of the run goes on.");
    for (TaskStatus t : blocked) {
      Blocker blocker = t.blocker();
      out.println();
      out.println(
          "  "
              + t.id()
              + (blocker == null ? "" : " [" + blocker.kind().label() + "]")
              + ": "
              + t.reason());
      lastLog(repo, run.runId(), t).ifPresent(log -> out.println("    last log: " + log));
      List<UnblockAction> decisions =
          blocker == null ? List.of(UnblockAction.values()) : blocker.decisions();
      if (decisions.contains(UnblockAction.DONE)) {
        out.println("    worktree: " + repo.resolve("worktrees").resolve(t.id()));
      }
      String unblock = "braid unblock " + run.runId() + " " + t.id();
      for (UnblockAction decision : decisions) {
        out.println("    " + line(decision, unblock, blocker == null ? null : blocker.kind()));
      }
    }
    out.println();
    out.println("Then follow the run: braid status " + run.runId() + " --watch");
  }

  private static String line(UnblockAction decision, String unblock, BlockKind kind) {
    return switch (decision) {
      case RETRY ->
          kind == BlockKind.BUDGET || kind == BlockKind.RUN_BUDGET
              ? "retry:  " + unblock + " --retry --budget DOLLARS   (raises the budget)"
              : "retry:  " + unblock + " --retry --guidance \"what the agent should know\"";
      case DONE -> "done:   " + unblock + " --done      (after you fixed the worktree by hand)";
      case SKIP -> "skip:   " + unblock + " --skip      (its dependents are skipped too)";
    };
  }

  private static boolean alive(RunPhase phase) {
    return phase != RunPhase.DONE && phase != RunPhase.FAILED && phase != RunPhase.CANCELLED;
  }

  /**
   * The newest log of the task, which tells why it is blocked: in the folder its blocker names,
   * else in any of the run's log folders (one per Temporal run, or the older single folder).
   */
  static Optional<Path> lastLog(Path repo, String runId, TaskStatus task) {
    if (task.blocker() != null && task.blocker().log() != null) {
      Path named = Path.of(task.blocker().log());
      if (Files.isDirectory(named)) {
        return newest(Stream.of(named));
      }
    }
    Path run = repo.resolve(BraidNames.LOGS_DIR).resolve(runId.replaceAll("[^A-Za-z0-9._-]", "_"));
    if (!Files.isDirectory(run)) {
      return Optional.empty();
    }
    try (Stream<Path> runs = Files.list(run)) {
      List<Path> dirs = runs.filter(Files::isDirectory).toList();
      return newest(Stream.concat(Stream.of(run), dirs.stream()).map(d -> d.resolve(task.id())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<Path> newest(Stream<Path> dirs) {
    return dirs.filter(Files::isDirectory)
        .flatMap(BlockedHelp::files)
        .max(Comparator.comparingLong(BlockedHelp::modified));
  }

  private static Stream<Path> files(Path dir) {
    try (Stream<Path> logs = Files.list(dir)) {
      return logs.filter(Files::isRegularFile).toList().stream();
    } catch (IOException e) {
      return Stream.empty();
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
