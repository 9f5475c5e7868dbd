package dev.braid.activities.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worktree's {@code index.lock} left by a git that was killed while it wrote the index: with the
 * worker's whole process group, by the OOM killer, by a power cut. Git then refuses every command
 * that writes the index there ("Unable to create index.lock: File exists ... remove the file
 * manually"), so the task would block on a fault that was nobody's.
 *
 * <p>A lock is stale when no process works in the worktree: git runs with the worktree as its
 * working directory, and so does every agent and check. Where {@code /proc} does not show working
 * directories, only a lock older than git ever holds one is taken as stale. Only braid's own
 * worktrees are cleared this way, never the user's checkout.
 */
final class StaleIndexLock {
  private static final Logger log = LoggerFactory.getLogger(StaleIndexLock.class);
  private static final Path PROC = Path.of("/proc");
  // Git holds the index lock for the moment it writes the index; ten minutes is never a write.
  private static final Duration UNVERIFIABLE_AGE = Duration.ofMinutes(10);

  private StaleIndexLock() {}

  /**
   * Removes the worktree's {@code index.lock} when it is stale.
   *
   * @param gitDir the worktree's own git directory, where its index and lock live
   * @return whether a lock was removed
   */
  static boolean clear(Path gitDir, Path worktree) throws IOException {
    Path lock = gitDir.resolve("index.lock");
    if (!Files.exists(lock)) {
      return false;
    }
    Optional<Boolean> busy = processWorksIn(worktree.toRealPath());
    boolean stale = busy.map(b -> !b).orElseGet(() -> olderThan(lock, UNVERIFIABLE_AGE));
    if (!stale) {
      return false;
    }
    log.warn(
        "Removing {}: no process works in {}, so a git killed while writing the index left it",
        lock,
        worktree);
    return Files.deleteIfExists(lock);
  }

  /** Whether some process works in the folder; empty where the system cannot tell. */
  private static Optional<Boolean> processWorksIn(Path dir) {
    if (!Files.isDirectory(PROC.resolve("self/cwd"))) {
      return Optional.empty();
    }
    long self = ProcessHandle.current().pid();
    return Optional.of(
        ProcessHandle.allProcesses()
            .filter(p -> p.pid() != self)
            .anyMatch(p -> cwd(p.pid()).map(c -> c.startsWith(dir)).orElse(false)));
  }

  private static Optional<Path> cwd(long pid) {
    try {
      return Optional.of(Files.readSymbolicLink(PROC.resolve(pid + "/cwd")));
    } catch (IOException | RuntimeException e) {
      // Another user's process, or one that just ended: neither is a git of this worktree.
      return Optional.empty();
    }
  }

  private static boolean olderThan(Path file, Duration age) {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      return modified.toInstant().isBefore(Instant.now().minus(age));
    } catch (IOException e) {
      return false;
    }
  }
}
