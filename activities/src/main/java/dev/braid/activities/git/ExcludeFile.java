package dev.braid.activities.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The repository's {@code info/exclude}: braid lists its own directories there rather than in the
 * user's {@code .gitignore}, so that the main checkout does not show them as untracked and nothing
 * tracked changes.
 */
final class ExcludeFile {
  /** braid's directories, anchored at the repository root. */
  static final List<String> BRAID_ENTRIES =
      List.of("/worktrees/", "/.parallel/logs/", "/.parallel/temporal/", "/.parallel/reports/");

  /** Serialises threads of one JVM; the file lock alone throws when a thread of ours holds it. */
  private static final Object LOCK = new Object();

  private ExcludeFile() {}

  /**
   * Appends each entry the file lacks. Idempotent: entries already there are left alone, so
   * repeated and concurrent calls add each line once.
   */
  static void ensure(Path commonGitDir, List<String> entries) {
    Path file = commonGitDir.resolve("info").resolve("exclude");
    synchronized (LOCK) {
      try {
        Files.createDirectories(file.getParent());
        try (FileChannel channel =
            FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
          // Another braid process on this host may be preparing a worktree of the same repository.
          FileLock lock = channel.lock();
          try {
            appendMissing(channel, entries);
          } finally {
            lock.release();
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot update " + file, e);
      }
    }
  }

  private static void appendMissing(FileChannel channel, List<String> entries) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
    while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
      // Reads the whole file; it is a few lines long.
    }
    String text = new String(buffer.array(), StandardCharsets.UTF_8);
    Set<String> present = new LinkedHashSet<>(text.lines().map(String::trim).toList());
    StringBuilder add = new StringBuilder();
    for (String entry : entries) {
      if (present.add(entry)) {
        add.append(entry).append('\n');
      }
    }
    if (add.length() == 0) {
      return;
    }
    String prefix = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
    String header = text.contains("# braid") ? "" : "# braid: worktrees, logs and local state\n";
    byte[] bytes = (prefix + header + add).getBytes(StandardCharsets.UTF_8);
    channel.write(ByteBuffer.wrap(bytes), channel.size());
  }
}
