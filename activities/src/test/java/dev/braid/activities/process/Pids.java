package dev.braid.activities.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the pids a test script recorded, and tells whether they still run. */
final class Pids {
  private Pids() {}

  /** The pids in a file, one a line. */
  static List<Long> read(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(Long::parseLong)
        .toList();
  }

  /** Whether the process runs; a zombie waiting to be reaped does not. */
  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessTree::running).orElse(false);
  }

  /**
   * Whether every process has stopped, waiting a little for the kernel to deliver the signals. The
   * wait bounds a test's run; it is not a claim about speed.
   */
  static boolean allGone(List<Long> pids) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (pids.stream().noneMatch(Pids::alive)) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  /**
   * Waits until the file holds {@code count} pids, which the script writes once its children run.
   */
  static List<Long> await(Path file, int count) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        List<Long> pids = read(file);
        if (pids.size() >= count) {
          return pids;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the script did not record " + count + " pids in " + file);
  }
}
