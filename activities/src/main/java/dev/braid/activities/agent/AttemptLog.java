package dev.braid.activities.agent;

import dev.braid.activities.files.PrivateDirectory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One attempt's log file: the agent's output, then each check's under a header line. Reads of it
 * are bounded, because an agent can print megabytes and only the end says why it failed.
 */
final class AttemptLog {
  private final Path file;

  private AttemptLog(Path file) {
    this.file = file;
  }

  /**
   * The log {@code <repo>/.parallel/logs/<run>/<temporal run>/<task>/<attempt>-<tier>.log}, or
   * without the Temporal run's folder when {@code logRun} is null (runs from before logs were kept
   * per Temporal run).
   */
  static AttemptLog of(
      Path repo, String runId, String logRun, String taskId, int attempt, String tier) {
    return new AttemptLog(
        dir(repo, runId, logRun, taskId).resolve(attempt + "-" + safe(tier) + ".log"));
  }

  /**
   * A new log for a human's manual fix, {@code manual-<k>.log} in the task's log directory, with
   * the first {@code k} not taken yet: each time a human says they are done gets a log of its own.
   */
  static AttemptLog manual(Path repo, String runId, String logRun, String taskId) {
    Path dir = dir(repo, runId, logRun, taskId);
    int k = 1;
    while (Files.exists(dir.resolve("manual-" + k + ".log"))) {
      k++;
    }
    return new AttemptLog(dir.resolve("manual-" + k + ".log"));
  }

  private static Path dir(Path repo, String runId, String logRun, String taskId) {
    Path run = PrivateDirectory.logs(repo).resolve(safe(runId));
    return (logRun == null ? run : run.resolve(safe(logRun))).resolve(safe(taskId));
  }

  /**
   * A name that is safe as one path element: characters outside {@code [A-Za-z0-9._-]} become _.
   */
  static String safe(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
    if (s.isEmpty()) {
      return "_";
    }
    // A name made only of dots would name the directory itself or climb out of it.
    return s.chars().allMatch(c -> c == '.') ? s.replace('.', '_') : s;
  }

  Path file() {
    return file;
  }

  /** The log's current size, which marks where the next section starts. */
  long size() throws IOException {
    return Files.exists(file) ? Files.size(file) : 0;
  }

  /** Appends a header line that tells the sections of the log apart. */
  void header(String text) throws IOException {
    Files.createDirectories(file.getParent());
    String line = (size() > 0 ? "\n" : "") + "=== braid: " + text + " ===\n";
    Files.writeString(
        file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** At most the last {@code maxBytes} of the log written since {@code from}. */
  String since(long from, int maxBytes) throws IOException {
    long size = size();
    long start = Math.max(from, size - maxBytes);
    if (start >= size) {
      return "";
    }
    try (var channel = Files.newByteChannel(file, StandardOpenOption.READ)) {
      channel.position(start);
      ByteBuffer buffer = ByteBuffer.allocate((int) (size - start));
      while (buffer.hasRemaining() && channel.read(buffer) > 0) {
        // Reads until the buffer holds the whole section.
      }
      return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }
  }
}
