package dev.braid.activities.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process runs. A killed grandchild can stay a zombie until init reaps it, and {@link
 * ProcessHandle#isAlive()} counts zombies as alive, so the state in {@code /proc} decides.
 */
final class Liveness {
  private Liveness() {}

  static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      return false;
    }
  }
}
