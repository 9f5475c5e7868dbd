package dev.braid.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The dev server's log file. Every start appends to it, so the history of restarts is kept, and an
 * error quotes only what the failed start wrote.
 */
final class ServerLog {
  private ServerLog() {}

  /** Moves a log larger than {@code maxBytes} to {@code <name>.1}, so it cannot grow forever. */
  static void rotate(Path logFile, long maxBytes) {
    try {
      if (Files.isRegularFile(logFile) && Files.size(logFile) > maxBytes) {
        Files.move(
            logFile,
            logFile.resolveSibling(logFile.getFileName() + ".1"),
            StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rotate " + logFile, e);
    }
  }

  /** The log's size, the offset from which a new start's output begins. */
  static long size(Path logFile) {
    try {
      return Files.isRegularFile(logFile) ? Files.size(logFile) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** Appends one line of braid's own, such as the command line of a start. */
  static void append(Path logFile, String line) {
    try {
      Files.writeString(
          logFile,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + logFile, e);
    }
  }

  /** The last lines logged after {@code offset}, for an error message. */
  static String tail(Path logFile, long offset, int lines) {
    try {
      byte[] all = Files.readAllBytes(logFile);
      int from = (int) Math.min(Math.max(offset, 0), all.length);
      List<String> logged =
          new String(all, from, all.length - from, StandardCharsets.UTF_8).strip().lines().toList();
      if (logged.isEmpty()) {
        return "(" + logFile + " is empty)";
      }
      return String.join("\n", logged.subList(Math.max(0, logged.size() - lines), logged.size()));
    } catch (IOException e) {
      return "(cannot read " + logFile + ": " + e.getMessage() + ")";
    }
  }
}
