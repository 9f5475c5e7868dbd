package dev.braid.activities.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Kills a process and everything it started. Processes are started in a session of their own (see
 * {@link ProcessRunner}), so the process group catches children that were re-parented to init; the
 * descendant snapshot catches those that left the group.
 */
final class ProcessTree {
  static final Duration KILL_GRACE = Duration.ofSeconds(5);

  private ProcessTree() {}

  /**
   * Sends SIGTERM to the group and the tree, then SIGKILL to whatever is left after the grace.
   *
   * <p>Most processes have ended by the time this runs (a git command, a check that exited) and
   * left nothing behind; each step that costs a process start or a scan of every process on the
   * machine is skipped when it cannot find anything:
   *
   * <ul>
   *   <li>an ended root has no descendants: the kernel gave its children to init when it exited, so
   *       only the group can still hold them (and a scan could find the children of a new process
   *       that reused the pid);
   *   <li>when kill(1) finds no process in the group and nothing of the tree runs, there is nothing
   *       for SIGKILL either: a group with no member cannot gain one, since only a member can fork
   *       into it.
   * </ul>
   */
  static void kill(ProcessHandle root, Duration grace) {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(root);
    if (root.isAlive()) {
      root.descendants().forEach(tree::add);
    }
    boolean groupHadMembers = signalGroup(root.pid(), "TERM");
    tree.forEach(ProcessHandle::destroy);
    if (!groupHadMembers && tree.stream().noneMatch(ProcessTree::running)) {
      return;
    }
    awaitEnd(tree, grace);
    signalGroup(root.pid(), "KILL");
    tree.forEach(ProcessHandle::destroyForcibly);
    // A process that ignores even SIGKILL is stuck in the kernel; there is nothing more to do.
    awaitEnd(tree, grace);
  }

  /** Waits until no process of the tree runs, or the grace is over. */
  private static void awaitEnd(List<ProcessHandle> tree, Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    while (System.nanoTime() < deadline && tree.stream().anyMatch(ProcessTree::running)) {
      sleepQuietly(20);
    }
  }

  /**
   * Whether a process still runs. {@link ProcessHandle#isAlive()} counts a zombie as alive, and a
   * killed grandchild stays a zombie until its new parent reaps it, which an init that does not
   * reap (a JVM as pid 1 in a container) never does; waiting on it would use up every grace.
   */
  static boolean running(ProcessHandle p) {
    if (!p.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
      int end = stat.lastIndexOf(')');
      char state = end >= 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : '?';
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      // Without /proc (not Linux), or when the process has just gone, trust isAlive.
      return p.isAlive();
    }
  }

  /**
   * Kills the group recorded for a pid when that pid is alive and is still the recorded process.
   */
  static void killStale(long pid, long startMillis, Duration grace) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty()) {
      signalGroup(pid, "KILL");
      return;
    }
    long actualStart =
        handle.get().info().startInstant().map(i -> i.toEpochMilli()).orElse(startMillis);
    // A recycled pid belongs to somebody else: only a matching start time proves it is ours.
    if (Math.abs(actualStart - startMillis) < 2000) {
      kill(handle.get(), grace);
    }
  }

  /**
   * Signals every process of the group through kill(1).
   *
   * @return false only when kill(1) said the group has no process (it exits 1: no such process);
   *     true when it signalled one, or when it could not tell (not started, not done in time)
   */
  static boolean signalGroup(long pgid, String signal) {
    try {
      // Its output goes nowhere rather than to a closed pipe: writing "No such process" to a
      // closed pipe would kill it with SIGPIPE, and its exit status would no longer say why.
      Process kill =
          new ProcessBuilder("kill", "-" + signal, "--", "-" + pgid)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      return !kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 1;
    } catch (IOException e) {
      // Without kill(1) the per-process signals in kill() still reach the tree we saw.
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
