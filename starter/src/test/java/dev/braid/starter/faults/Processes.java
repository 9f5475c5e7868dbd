package dev.braid.starter.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Processes seen through {@code /proc}, the way a user would look for what a run left behind: by
 * pid, or by the directory a process works in.
 */
final class Processes {
  private Processes() {}

  /**
   * Whether the pid names a running process. A zombie counts as ended: it runs nothing, and an
   * orphan killed here may stay a zombie for good when the machine's init does not reap.
   */
  static boolean running(long pid) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException | RuntimeException e) {
      return handle.get().isAlive();
    }
  }

  /** Running processes whose working directory is {@code dir} or lies under it. */
  static List<ProcessHandle> workingUnder(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    return ProcessHandle.allProcesses()
        .filter(p -> running(p.pid()))
        .filter(p -> cwd(p.pid()).map(c -> c.startsWith(root)).orElse(false))
        .toList();
  }

  /** A line per process: pid and command line, for failure messages. */
  static String describe(List<ProcessHandle> processes) {
    StringBuilder text = new StringBuilder();
    for (ProcessHandle p : processes) {
      text.append(p.pid())
          .append(' ')
          .append(p.info().commandLine().orElse("?"))
          .append(" (in ")
          .append(cwd(p.pid()).map(Path::toString).orElse("?"))
          .append(")\n");
    }
    return text.toString();
  }

  /** Kills each listed process and waits briefly for it to go. */
  static void kill(List<ProcessHandle> processes) {
    processes.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle p : processes) {
      try {
        p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        // A zombie never "exits" for onExit; it runs nothing either.
      }
    }
  }

  private static Optional<Path> cwd(long pid) {
    try {
      return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")));
    } catch (IOException | RuntimeException e) {
      // Another user's process, or one that just ended.
      return Optional.empty();
    }
  }
}
