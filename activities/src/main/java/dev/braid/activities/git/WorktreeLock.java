package dev.braid.activities.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises changes to one repository's worktree registry. Concurrent {@code git worktree add}
 * calls are not safe: one reads the half-written metadata of another and fails ("failed to read
 * .git/worktrees/x/commondir"). Tasks of one run prepare their worktrees at the same time, from
 * threads of one worker or from several workers on the host, so the lock is both a JVM lock and a
 * file lock in the common git directory.
 */
final class WorktreeLock {
  private static final ConcurrentMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
  private static final long POLL_MILLIS = 200;

  private WorktreeLock() {}

  /**
   * Runs the action while holding the repository's lock.
   *
   * @param whileWaiting called regularly while another holder keeps the lock, so that the waiting
   *     activity still heartbeats (and stops waiting when it is cancelled)
   */
  static <T> T holding(Path commonGitDir, Runnable whileWaiting, Supplier<T> action) {
    Path key = GitPaths.canonical(commonGitDir);
    ReentrantLock lock = LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
    acquire(lock, whileWaiting);
    try {
      if (lock.getHoldCount() > 1) {
        return action.get();
      }
      return withFileLock(key.resolve("braid-worktrees.lock"), whileWaiting, action);
    } finally {
      lock.unlock();
    }
  }

  private static void acquire(ReentrantLock lock, Runnable whileWaiting) {
    try {
      while (!lock.tryLock(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        whileWaiting.run();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the worktree lock", e);
    }
  }

  private static <T> T withFileLock(Path file, Runnable whileWaiting, Supplier<T> action) {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock fileLock;
      while ((fileLock = channel.tryLock()) == null) {
        whileWaiting.run();
        Thread.sleep(POLL_MILLIS);
      }
      try {
        return action.get();
      } finally {
        fileLock.release();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + file, e);
    }
  }
}
