package dev.braid.activities.plan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file's content so that a reader, or a crash, sees either the old content or the new,
 * never half of each: the new content goes to a temporary file in the same directory (the same file
 * system, so the move can be atomic), is flushed to disk, and is then moved over the old file.
 */
final class AtomicFiles {

  private AtomicFiles() {}

  /** Replaces the file's content, keeping its POSIX permissions. */
  static void replace(Path file, byte[] content) throws IOException {
    Path temp =
        Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".braid-tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        // A temporary file is created private to its owner; the task file keeps its own mode.
        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file));
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
