package dev.braid.starter.transcript;

import dev.braid.activities.plan.PlanReadResult;
import dev.braid.activities.plan.PlanReader;
import dev.braid.plan.PlanProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes an extracted plan, but only a plan that can run: the files are first written to a
 * temporary folder and read back by braid's own plan reader and validator, the same as {@code braid
 * plan validate}; only then are they copied into {@code .parallel/plans/}. A plan already there is
 * kept unless the user says otherwise, and then moved aside, never deleted.
 */
final class PlanInstaller {
  static final Path PLAN_DIR = Path.of(".parallel", "plans");
  static final Path ARCHIVE_DIR = Path.of(".parallel", "archive");

  private PlanInstaller() {}

  /**
   * Validates and writes the plan.
   *
   * @return where the plan it replaced went, or null when there was none
   */
  static Path install(
      Path planDir, Path repo, ExtractedPlan plan, PlanMessage from, boolean force) {
    Optional<String> existing = existingPlan(planDir);
    if (existing.isPresent() && !force) {
      throw new ExtractionRefused(
          planDir
              + " already holds a plan ("
              + existing.get()
              + "); nothing was written. Run it with braid execute, or replace it with the plan"
              + " found in "
              + from.transcript()
              + " (line "
              + from.line()
              + "): braid plan extract --force (the old plan is moved to "
              + ARCHIVE_DIR
              + "/)");
    }
    Path staging;
    try {
      staging = Files.createTempDirectory("braid-extract-");
    } catch (IOException e) {
      throw new ExtractionRefused("cannot create a temporary folder to check the plan in: " + e);
    }
    try {
      Map<String, String> files = files(plan);
      write(staging, files);
      PlanReadResult read = new PlanReader().read(staging);
      if (!read.ok()) {
        throw new ExtractionRefused(invalid(plan, from, read.problems()));
      }
      Path replaced = existing.isPresent() ? moveAside(planDir, repo) : null;
      write(planDir, files);
      return replaced;
    } finally {
      deleteQuietly(staging);
    }
  }

  /** What in the plan directory makes it a plan already, if anything does. */
  static Optional<String> existingPlan(Path planDir) {
    if (Files.exists(planDir.resolve(PlanReader.INDEX_FILE))) {
      return Optional.of(PlanReader.INDEX_FILE);
    }
    try (Stream<Path> tasks = Files.list(planDir.resolve("tasks"))) {
      return tasks.anyMatch(p -> p.toString().endsWith(".md"))
          ? Optional.of("tasks/*.md")
          : Optional.empty();
    } catch (IOException noTasks) {
      return Optional.empty();
    }
  }

  /** The files to write, by path relative to the plan directory; a path leading out is refused. */
  private static Map<String, String> files(ExtractedPlan plan) {
    Map<String, String> files = new HashMap<>();
    files.put(PlanReader.INDEX_FILE, plan.planYaml());
    for (ExtractedTask task : plan.tasks()) {
      Path relative = Path.of(task.file()).normalize();
      if (relative.isAbsolute()
          || relative.startsWith("..")
          || relative.toString().isEmpty()
          || relative.toString().equals(PlanReader.INDEX_FILE)) {
        throw new ExtractionRefused(
            "the Plan Structure gives task '"
                + task.id()
                + "' the file '"
                + task.file()
                + "', which is not a path inside the plan directory (expected one such as tasks/"
                + task.id()
                + ".md); nothing was written");
      }
      files.put(relative.toString(), task.content());
    }
    return files;
  }

  private static void write(Path dir, Map<String, String> files) {
    try {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path path = dir.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new ExtractionRefused("cannot write the plan to " + dir + ": " + e);
    }
  }

  private static String invalid(ExtractedPlan plan, PlanMessage from, List<PlanProblem> problems) {
    Map<String, String> origins = new HashMap<>();
    origins.put(PlanReader.INDEX_FILE, plan.origin());
    plan.tasks().forEach(t -> origins.put(Path.of(t.file()).normalize().toString(), t.origin()));
    StringBuilder text =
        new StringBuilder("the plan in ")
            .append(from.transcript())
            .append(", line ")
            .append(from.line())
            .append(", would not run; nothing was written:");
    for (PlanProblem problem : problems) {
      text.append("\n  ").append(problem);
      String origin = origins.get(problem.file());
      if (origin != null) {
        text.append(" [from ").append(origin).append(']');
      }
    }
    return text.toString();
  }

  private static Path moveAside(Path planDir, Path repo) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path archive = repo.resolve(ARCHIVE_DIR).resolve("plans-replaced-" + stamp);
    try {
      Files.createDirectories(archive);
      for (String part : List.of(PlanReader.INDEX_FILE, "tasks")) {
        if (Files.exists(planDir.resolve(part))) {
          Files.move(planDir.resolve(part), archive.resolve(part));
        }
      }
    } catch (IOException e) {
      throw new ExtractionRefused("cannot move the old plan to " + archive + ": " + e);
    }
    return archive;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless; the plan's outcome is what matters.
    }
  }
}
