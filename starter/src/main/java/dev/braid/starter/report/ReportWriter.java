package dev.braid.starter.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.braid.activities.secrets.SecretMask;
import dev.braid.starter.config.WorkerGrants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a run's report to {@code <repo>/.parallel/reports/<run>/<temporal run id>.md} and {@code
 * .json}, where it outlives the terminal and the Temporal server's retention. A plan's runs share
 * the workflow id, so each Temporal run has its own files and no run overwrites another's; {@code
 * latest.md} and {@code latest.json} lead to the newest. Each file is replaced whole (a temporary
 * file renamed over it), so a reader never sees half a report, and writing the same report again
 * gives the same files.
 */
public final class ReportWriter {
  /** Where reports go, relative to the repository; braid's git exclude file ignores it. */
  public static final Path REPORTS_DIR = Path.of(".parallel", "reports");

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportWriter() {}

  /** Where the report of this Temporal run of the run goes. */
  public static ReportFiles files(Path repo, String runId, String temporalRunId) {
    Path dir = repo.resolve(REPORTS_DIR).resolve(fileName(runId));
    String name = fileName(temporalRunId);
    return new ReportFiles(dir.resolve(name + ".json"), dir.resolve(name + ".md"));
  }

  /** Writes the report of one Temporal run, and points {@code latest} at it when it is newest. */
  public static ReportFiles write(Path repo, RunReport report, String temporalRunId)
      throws IOException {
    ReportFiles files = files(repo, report.runId(), temporalRunId);
    Files.createDirectories(files.json().getParent());
    // A task's reason may quote a check's output; secret values never reach the files.
    SecretMask mask = SecretMask.ofProcess(WorkerGrants.secretNames(repo));
    replace(files.json(), mask.mask(ReportJson.of(report, temporalRunId) + "\n"));
    replace(files.markdown(), mask.mask(ReportMarkdown.of(report, temporalRunId)));
    Path latestJson = files.json().resolveSibling("latest.json");
    if (report.startedAtMillis() >= startedAt(latestJson)) {
      link(latestJson, files.json());
      link(files.markdown().resolveSibling("latest.md"), files.markdown());
    }
    return files;
  }

  /** The run id as one safe file name: anything but {@code [A-Za-z0-9._-]} becomes {@code _}. */
  static String fileName(String runId) {
    String safe = runId.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
  }

  /** When the run the latest report describes started; 0 when there is none or it is unreadable. */
  private static long startedAt(Path latestJson) {
    try {
      JsonNode latest = JSON.readTree(latestJson.toFile());
      return latest.path("startedAtMillis").asLong(0);
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * Points {@code link} at {@code target} with a relative symbolic link, swapped in atomically;
   * where the file system has no symbolic links, a copy stands in.
   */
  private static void link(Path link, Path target) throws IOException {
    Path temp = link.resolveSibling("." + link.getFileName() + ".new");
    Files.deleteIfExists(temp);
    try {
      Files.createSymbolicLink(temp, target.getFileName());
    } catch (UnsupportedOperationException | IOException noLinks) {
      Files.copy(target, temp, StandardCopyOption.REPLACE_EXISTING);
    }
    try {
      Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
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
