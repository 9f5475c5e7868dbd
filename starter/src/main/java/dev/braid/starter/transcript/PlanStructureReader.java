package dev.braid.starter.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a message's {@code ## Plan Structure} section and reads its YAML block: {@code metadata}
 * and {@code tasks: [{id, name, file, priority, dependencies}]}. Tolerant of what does not change
 * the meaning (the heading's level, an emoji before it, blank lines, an untagged fence, {@code
 * title} for {@code name}, a missing {@code file}), and precise about what does.
 */
final class PlanStructureReader {
  private PlanStructureReader() {}

  static Optional<PlanStructure> read(MarkdownLines md, List<ExtractionProblem> problems) {
    MarkdownHeading heading = null;
    for (int i = 0; i < md.size() && heading == null; i++) {
      heading =
          md.heading(i)
              .filter(h -> PlanMarkers.STRUCTURE_TITLE.matcher(h.text()).matches())
              .orElse(null);
    }
    if (heading == null) {
      problems.add(
          new ExtractionProblem(0, "expected a '## Plan Structure' heading; there is none"));
      return Optional.empty();
    }
    Optional<MarkdownFence> block = firstBlock(md, heading);
    String where = "'" + heading.shown() + "' (message line " + (heading.line() + 1) + ")";
    if (block.isEmpty()) {
      problems.add(
          new ExtractionProblem(
              heading.line() + 1,
              "expected a ```yaml block with the plan (metadata, tasks) under " + where));
      return Optional.empty();
    }
    MarkdownFence fence = block.get();
    if (!fence.yamlLike() && !fence.info().equals("json")) {
      problems.add(
          new ExtractionProblem(
              fence.open() + 1,
              "expected a ```yaml block under "
                  + where
                  + ", found a ```"
                  + fence.info()
                  + " block"));
      return Optional.empty();
    }
    if (!fence.closed()) {
      problems.add(
          new ExtractionProblem(
              fence.open() + 1,
              "the ```yaml block under " + where + " is never closed (expected a ``` line)"));
      return Optional.empty();
    }
    String yaml = md.text(fence.open() + 1, fence.close());
    Optional<Map<?, ?>> root =
        YamlBlock.mapping(yaml, fence.open() + 1, "the Plan Structure's YAML", problems);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    int tasksLine = fence.open() + 1 + lineOfKey(yaml, "tasks");
    Object tasks = root.get().get("tasks");
    if (!(tasks instanceof List<?> list) || list.isEmpty()) {
      String found = tasks == null ? "there is no tasks: key" : "tasks " + YamlBlock.kind(tasks);
      if (tasks instanceof List<?>) {
        found = "tasks lists none";
      }
      problems.add(
          new ExtractionProblem(
              tasksLine,
              "expected tasks: a list of {id, name, file, priority, dependencies} in the Plan"
                  + " Structure; "
                  + found));
      return Optional.empty();
    }
    List<PlanEntry> entries = new ArrayList<>();
    for (int n = 0; n < list.size(); n++) {
      entry(list.get(n), n + 1, tasksLine, problems).ifPresent(entries::add);
    }
    return Optional.of(new PlanStructure(heading, yaml, name(root.get()), entries));
  }

  /** The first fenced block of the section, before the next heading as high or a task heading. */
  private static Optional<MarkdownFence> firstBlock(MarkdownLines md, MarkdownHeading heading) {
    for (int i = heading.line() + 1; i < md.size(); i++) {
      Optional<MarkdownHeading> next = md.heading(i);
      if (next.isPresent()
          && (next.get().level() <= heading.level() || TaskHeadings.isTask(next.get()))) {
        return Optional.empty();
      }
      Optional<MarkdownFence> fence = md.fence(i);
      if (fence.isPresent()) {
        return fence;
      }
    }
    return Optional.empty();
  }

  private static Optional<PlanEntry> entry(
      Object value, int number, int tasksLine, List<ExtractionProblem> problems) {
    if (!(value instanceof Map<?, ?> map)) {
      problems.add(
          new ExtractionProblem(
              tasksLine,
              "tasks entry "
                  + number
                  + " must be a mapping of fields (id, name, file, priority, dependencies), but it "
                  + YamlBlock.kind(value)));
      return Optional.empty();
    }
    Object id = map.get("id");
    if (id == null || String.valueOf(id).isBlank()) {
      problems.add(new ExtractionProblem(tasksLine, "tasks entry " + number + " has no id"));
      return Optional.empty();
    }
    Object name = map.get("name") != null ? map.get("name") : map.get("title");
    Object file = map.get("file");
    return Optional.of(
        new PlanEntry(
            String.valueOf(id),
            name == null ? null : String.valueOf(name),
            file instanceof String f && !f.isBlank() ? f : null));
  }

  private static String name(Map<?, ?> root) {
    if (root.get("metadata") instanceof Map<?, ?> metadata) {
      Object name = metadata.get("name") != null ? metadata.get("name") : metadata.get("title");
      return name == null ? null : String.valueOf(name);
    }
    return null;
  }

  /** The 0-based line of a top-level key in the YAML, or 0 when it is not found there. */
  private static int lineOfKey(String yaml, String key) {
    String[] lines = yaml.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(key + ":") || lines[i].startsWith(key + " :")) {
        return i;
      }
    }
    return 0;
  }
}
