package dev.braid.activities.plan;

import dev.braid.plan.PlanProblem;
import dev.braid.plan.PlanTask;
import dev.braid.plan.Priority;
import dev.braid.plan.TaskState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a plan that is only a {@code tasks/} folder of Markdown files: each file's frontmatter
 * gives its task's id, priority, status, dependencies and labels. Tasks are in file-name order,
 * counting numbers as people do ({@code task-2} before {@code task-10}).
 */
final class TaskDirectoryReader {

  static final String TASKS = "tasks";

  private TaskDirectoryReader() {}

  /**
   * The {@code tasks/*.md} files of the directory in natural order; empty when there are none.
   *
   * @throws IOException when the {@code tasks/} folder exists but cannot be listed
   */
  static List<Path> taskFiles(Path dir) throws IOException {
    Path tasks = dir.resolve(TASKS);
    if (!Files.isDirectory(tasks)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(tasks)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".md") && BoundedText.existsAtAll(f))
          .sorted(Comparator.comparing(f -> f.getFileName().toString(), NaturalOrder.INSTANCE))
          .toList();
    }
  }

  /** Reads every task file into the assembly; the plan is named after its directory. */
  static void read(Path dir, List<Path> files, PlanAssembly assembly) {
    List<PlanProblem> problems = assembly.problems();
    for (Path path : files) {
      String file = PlanPaths.relative(dir, path);
      try {
        // The same containment as plan.yaml's file fields: a link out of the plan is not read.
        PlanPaths.resolveInside(dir, file);
      } catch (IllegalArgumentException e) {
        problems.add(new PlanProblem(file, null, null, e.getMessage()));
        continue;
      }
      Optional<Frontmatter> frontmatter = TaskFiles.load(dir, file, null, problems);
      if (frontmatter.isEmpty()) {
        continue;
      }
      YamlFields fields = new YamlFields(frontmatter.get().fields(), file, null, problems);
      Optional<String> id = fields.id();
      if (id.isEmpty()) {
        if (!fields.has("id")) {
          fields.problem("id", "the frontmatter has no id");
        }
        continue;
      }
      fields.describesTask(id.get());
      String title =
          fields.firstText("title", "name").or(frontmatter.get()::firstHeading).orElse(id.get());
      PlanTask task =
          new PlanTask(
              id.get(),
              title,
              file,
              fields.priority().orElse(Priority.MEDIUM),
              fields.texts("dependencies").orElse(List.of()),
              fields.state().orElse(TaskState.PENDING),
              fields.texts("labels").orElse(List.of()));
      assembly.add(task, Map.of(), file);
    }
  }
}
