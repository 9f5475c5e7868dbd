package dev.braid.starter.transcript;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Takes a plan out of an assistant message in Contextune's format: a {@code ## Plan Structure}
 * section whose YAML becomes {@code plan.yaml}, and a {@code ### Task N: Name} section per task
 * whose frontmatter and Markdown become its task file. Every problem is collected, each with its
 * line in the message and what was expected, so a user fixes them all in one go.
 *
 * <p>A section without frontmatter is tolerated when the Plan Structure lists its heading's {@code
 * task-N}, since the index already holds its priority and dependencies; anything that leaves braid
 * to guess which task a section is, or which section a task is, is refused.
 */
final class PlanMarkdown {
  private PlanMarkdown() {}

  static ExtractedPlan parse(String text) throws PlanNotExtracted {
    MarkdownLines md = new MarkdownLines(text);
    List<ExtractionProblem> problems = new ArrayList<>();
    Optional<PlanStructure> structure = PlanStructureReader.read(md, problems);
    List<TaskSection> sections = TaskSectionReader.read(md, problems);
    if (structure.isEmpty()) {
      throw new PlanNotExtracted(problems);
    }
    PlanStructure plan = structure.get();
    Map<String, PlanEntry> entries = new LinkedHashMap<>();
    plan.entries().forEach(e -> entries.putIfAbsent(e.id(), e));
    if (sections.isEmpty() && problems.isEmpty()) {
      problems.add(
          new ExtractionProblem(
              0,
              "expected a '### Task N: Name' section for each task of the Plan Structure ("
                  + String.join(", ", entries.keySet())
                  + "), each starting with a ```yaml block of its frontmatter; there is none"));
    }
    Map<String, TaskSection> byId = new LinkedHashMap<>();
    Set<String> broken = new HashSet<>();
    for (TaskSection section : sections) {
      if (section.broken()) {
        broken.add(section.id());
        continue;
      }
      if (section.frontmatter() == null && !entries.containsKey(section.id())) {
        problems.add(
            new ExtractionProblem(
                section.foundLine(),
                "expected the frontmatter of "
                    + section.heading().where()
                    + " right after its heading: a ```yaml block with id, priority and"
                    + " dependencies; "
                    + section.found()));
        continue;
      }
      TaskSection twin = byId.putIfAbsent(section.id(), section);
      if (twin != null) {
        problems.add(
            new ExtractionProblem(
                section.heading().heading().line() + 1,
                section.heading().where()
                    + " has id '"
                    + section.id()
                    + "', as has "
                    + twin.heading().where()
                    + "; each task needs a section of its own"));
      } else if (!entries.containsKey(section.id())) {
        problems.add(
            new ExtractionProblem(
                section.heading().heading().line() + 1,
                section.heading().where()
                    + " has id '"
                    + section.id()
                    + "', which the Plan Structure's tasks do not list (they are: "
                    + String.join(", ", entries.keySet())
                    + ")"));
      }
    }
    for (PlanEntry entry : entries.values()) {
      // A section that could not be read may be this task's: its problem is reported already.
      if (!byId.containsKey(entry.id()) && broken.isEmpty() && !sections.isEmpty()) {
        problems.add(
            new ExtractionProblem(
                plan.heading().line() + 1,
                "the Plan Structure lists task '"
                    + entry.id()
                    + "', but no '### Task N' section has that id (expected one whose ```yaml"
                    + " frontmatter says id: "
                    + entry.id()
                    + ")"));
      }
    }
    if (!problems.isEmpty()) {
      throw new PlanNotExtracted(problems);
    }
    List<ExtractedTask> tasks = new ArrayList<>();
    for (PlanEntry entry : entries.values()) {
      tasks.add(task(entry, byId.get(entry.id())));
    }
    String origin =
        "'" + plan.heading().shown() + "' (message line " + (plan.heading().line() + 1) + ")";
    return new ExtractedPlan(plan.name(), withNewline(plan.yaml()), origin, tasks);
  }

  private static ExtractedTask task(PlanEntry entry, TaskSection section) {
    String name =
        !section.heading().name().isEmpty()
            ? section.heading().name()
            : entry.name() != null ? entry.name() : entry.id();
    String frontmatter =
        section.frontmatter() != null ? section.frontmatter() : "id: " + section.id();
    StringBuilder file =
        new StringBuilder("---\n").append(withNewline(frontmatter)).append("---\n\n");
    // The task file's first '# ' heading is its title; the message's own one, if any, is kept.
    if (!section.body().startsWith("# ")) {
      file.append("# ").append(name).append("\n\n");
    }
    if (!section.body().isEmpty()) {
      file.append(section.body()).append('\n');
    }
    String path = entry.file() != null ? entry.file() : "tasks/" + entry.id() + ".md";
    return new ExtractedTask(entry.id(), name, path, file.toString(), section.heading().where());
  }

  private static String withNewline(String text) {
    return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
  }
}
