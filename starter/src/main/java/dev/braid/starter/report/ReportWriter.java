package dev.braid.starter.report;

import dev.braid.activities.secrets.SecretMask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a run's report to {@code <repo>/.parallel/reports/}, where it outlives the terminal and
 * the Temporal server's retention. Each file is replaced whole (a temporary file renamed over it),
 * so a reader never sees half a report, and writing the same report again gives the same files.
 */
public final class ReportWriter {
  /** Where reports go, relative to the repository; braid's git exclude file ignores it. */
  public static final Path REPORTS_DIR = Path.of(".parallel", "reports");

  private ReportWriter() {}

  /** Writes {@code <runId>.json} and {@code <runId>.md}, replacing earlier ones. */
  public static ReportFiles write(Path repo, RunReport report) throws IOException {
    Path dir = repo.resolve(REPORTS_DIR);
    Files.createDirectories(dir);
    String name = fileName(report.runId());
    ReportFiles files = new ReportFiles(dir.resolve(name + ".json"), dir.resolve(name + ".md"));
    // A task's reason may quote a check's output; secret values never reach the files.
    SecretMask mask = SecretMask.ofProcess(List.of());
    replace(files.json(), mask.mask(ReportJson.of(report) + "\n"));
    replace(files.markdown(), mask.mask(ReportMarkdown.of(report)));
    return files;
  }

  /** The run id as one safe file name: anything but {@code [A-Za-z0-9._-]} becomes {@code _}. */
  static String fileName(String runId) {
    String safe = runId.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
  }

  private static void replace(Path file, String content) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
