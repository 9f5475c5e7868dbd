package dev.braid.activities.plan;

import dev.braid.plan.PlanProblem;
import dev.braid.plan.PlanTask;
import dev.braid.plan.Priority;
import dev.braid.plan.SafeId;
import dev.braid.plan.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a plan that has an index file ({@code plan.yaml}) and one Markdown file per task.
 *
 * <p>The index and the task file can both give a task's priority, dependencies and labels. The
 * index wins where it gives a value, and the frontmatter fills in what it leaves out, because the
 * index is where people edit the graph while the frontmatter is often generated once. The status
 * comes only from the task file, since that is the mirror braid keeps up to date.
 */
final class IndexedPlanReader {

  private final Path dir;
  private final Path indexPath;
  private final String index;
  private final PlanAssembly assembly;
  private final List<PlanProblem> problems;

  /** Which task each task file belongs to, by its lower-cased path. */
  private final Map<String, String> fileOwners = new HashMap<>();

  private IndexedPlanReader(Path dir, Path indexPath, PlanAssembly assembly) {
    this.dir = dir;
    this.indexPath = indexPath;
    this.index = PlanPaths.relative(dir, indexPath);
    this.assembly = assembly;
    this.problems = assembly.problems();
  }

  /** Reads the index and the task files it names into the assembly. */
  static void read(Path dir, Path indexPath, PlanAssembly assembly) {
    new IndexedPlanReader(dir, indexPath, assembly).read();
  }

  private void read() {
    Optional<String> text = TaskFiles.readText(indexPath, index, null, problems);
    if (text.isEmpty()) {
      return;
    }
    Object yaml;
    try {
      yaml = SafeYaml.load(text.get());
    } catch (YamlSyntaxException e) {
      problems.add(new PlanProblem(index, null, null, "is not valid YAML: " + e.getMessage()));
      return;
    }
    if (!(yaml instanceof Map<?, ?> root)) {
      String message = yaml == null ? "is empty" : "must be a mapping with metadata and tasks";
      problems.add(new PlanProblem(index, null, null, message));
      return;
    }
    if (root.get("metadata") instanceof Map<?, ?> metadata) {
      new YamlFields(metadata, index, null, problems)
          .firstText("name", "title")
          .ifPresent(assembly::name);
    }
    Object tasks = root.get("tasks");
    if (!(tasks instanceof List<?> entries)) {
      String message = tasks == null ? "is missing" : "must be a list of tasks";
      problems.add(new PlanProblem(index, null, "tasks", message));
      return;
    }
    if (entries.isEmpty()) {
      problems.add(new PlanProblem(index, null, "tasks", "lists no tasks"));
    }
    for (int i = 0; i < entries.size(); i++) {
      readEntry(i + 1, entries.get(i));
    }
  }

  private void readEntry(int number, Object entry) {
    if (!(entry instanceof Map<?, ?> map)) {
      problems.add(
          new PlanProblem(index, null, "tasks", "entry " + number + " is not a mapping of fields"));
      return;
    }
    YamlFields fromIndex = new YamlFields(map, index, null, problems);
    Optional<String> maybeId = fromIndex.id();
    if (maybeId.isEmpty()) {
      if (!fromIndex.has("id")) {
        fromIndex.problem("id", "entry " + number + " of tasks has no id");
      }
      return;
    }
    String id = maybeId.get();
    fromIndex.describesTask(id);
    Optional<String> file = taskFile(fromIndex, id).filter(f -> claim(fromIndex, id, f));
    Optional<Frontmatter> frontmatter = file.flatMap(f -> TaskFiles.load(dir, f, id, problems));
    Map<String, Object> frontFields = frontmatter.map(Frontmatter::fields).orElse(Map.of());
    YamlFields fromFile = new YamlFields(frontFields, file.orElse(index), id, problems);
    fromFile
        .id()
        .filter(other -> !other.equals(id))
        .ifPresent(
            other ->
                fromFile.problem(
                    "id",
                    "the frontmatter says '" + other + "', but " + index + " says '" + id + "'"));

    Map<String, String> declaredIn = new HashMap<>();
    declaredIn.put("id", index);
    YamlFields priorityFrom = fromIndex.has("priority") ? fromIndex : fromFile;
    Priority priority = priorityFrom.priority().orElse(Priority.MEDIUM);
    declaredIn.put("priority", priorityFrom.file());
    YamlFields dependenciesFrom = fromIndex.has("dependencies") ? fromIndex : fromFile;
    List<String> dependencies = dependenciesFrom.texts("dependencies").orElse(List.of());
    declaredIn.put("dependencies", dependenciesFrom.file());
    YamlFields labelsFrom = fromIndex.has("labels") ? fromIndex : fromFile;
    List<String> labels = labelsFrom.texts("labels").orElse(List.of());
    TaskState state = fromFile.state().orElse(TaskState.PENDING);
    String title =
        fromIndex
            .firstText("name", "title")
            .or(() -> fromFile.firstText("title", "name"))
            .or(() -> frontmatter.flatMap(Frontmatter::firstHeading))
            .orElse(id);

    assembly.add(
        new PlanTask(id, title, file.orElse(null), priority, dependencies, state, labels),
        declaredIn,
        file.orElse(index));
  }

  /**
   * Whether the file may be this task's: not the index itself, and no other task's. Two tasks on
   * one file would rewrite each other's status, and the index is no task file.
   */
  private boolean claim(YamlFields fromIndex, String id, String file) {
    String key = file.toLowerCase(java.util.Locale.ROOT);
    if (dir.resolve(file).normalize().equals(indexPath.normalize())) {
      fromIndex.problem("file", file + " is the plan's index, not a task file");
      return false;
    }
    String owner = fileOwners.putIfAbsent(key, id);
    if (owner != null) {
      fromIndex.problem("file", file + " is already the file of task '" + owner + "'");
      return false;
    }
    return true;
  }

  /**
   * The task file, relative to the plan directory, when it exists; else empty after a problem. A
   * task that names no file gets {@code tasks/<id>.md}, the Contextune layout.
   */
  private Optional<String> taskFile(YamlFields fromIndex, String id) {
    if (fromIndex.has("file")) {
      return fromIndex.text("file").flatMap(given -> existingFile(fromIndex, given));
    }
    if (!SafeId.isSafe(id)) {
      // The validator reports the id; building a path from it would be the very danger it guards.
      return Optional.empty();
    }
    String fallback = "tasks/" + id + ".md";
    if (Files.isRegularFile(dir.resolve(fallback))) {
      return Optional.of(fallback);
    }
    fromIndex.problem("file", "is not given, and " + fallback + " does not exist");
    return Optional.empty();
  }

  private Optional<String> existingFile(YamlFields fromIndex, String given) {
    Path path;
    try {
      path = PlanPaths.resolveInside(dir, given);
    } catch (IllegalArgumentException e) {
      fromIndex.problem("file", e.getMessage());
      return Optional.empty();
    }
    String relative = PlanPaths.relative(dir, path);
    if (!Files.exists(path)) {
      fromIndex.problem("file", relative + " does not exist");
      return Optional.empty();
    }
    if (!Files.isRegularFile(path)) {
      fromIndex.problem("file", relative + " is not a file");
      return Optional.empty();
    }
    return Optional.of(relative);
  }
}
