package dev.braid.activities.plan;

import dev.braid.plan.Plan;
import dev.braid.plan.PlanProblem;
import dev.braid.plan.PlanValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a plan in Contextune's format, as people really write it, and reports every problem at
 * once: a plan directory with {@code plan.yaml} and {@code tasks/*.md}, or one with only {@code
 * tasks/*.md} whose frontmatter gives the graph.
 *
 * <p>A task's title is the index's {@code name} or {@code title}, else the frontmatter's {@code
 * title} or {@code name}, else the body's first {@code # } heading, else its id. The frontmatter
 * comes before the heading because real plans carry generated headings such as "task-0: Untitled"
 * next to a meaningful {@code name}.
 */
public final class PlanReader {

  /** The index file that a plan directory may have. */
  public static final String INDEX_FILE = "plan.yaml";

  /**
   * Reads a plan.
   *
   * @param location the plan directory; or a plan's index file itself, for an index with another
   *     name, whose task paths are then relative to its folder
   */
  public PlanReadResult read(Path location) {
    Path given = location.toAbsolutePath().normalize();
    Path dir = Files.isRegularFile(given) ? given.getParent() : given;
    Path index = Files.isRegularFile(given) ? given : dir.resolve(INDEX_FILE);
    PlanAssembly assembly = new PlanAssembly();
    if (!Files.isDirectory(dir)) {
      return failed(new PlanProblem(dir.toString(), null, null, "is not a directory"));
    }
    // Anything named plan.yaml makes an indexed plan: a FIFO or a folder there is refused by the
    // reader, never taken for a tasks-only plan.
    if (BoundedText.existsAtAll(index)) {
      IndexedPlanReader.read(dir, index, assembly);
    } else {
      List<Path> taskFiles;
      try {
        taskFiles = TaskDirectoryReader.taskFiles(dir);
      } catch (IOException e) {
        return failed(new PlanProblem("tasks", null, null, "cannot be listed: " + e));
      }
      if (taskFiles.isEmpty()) {
        return failed(
            new PlanProblem(
                dir.toString(), null, null, "holds no " + INDEX_FILE + " and no tasks/*.md"));
      }
      TaskDirectoryReader.read(dir, taskFiles, assembly);
    }
    String name =
        assembly.name() != null
            ? assembly.name()
            : (dir.getFileName() != null ? dir.getFileName().toString() : dir.toString());
    Plan plan = new Plan(name, dir.toString(), assembly.tasks());
    List<PlanProblem> problems = new ArrayList<>(assembly.problems());
    problems.addAll(PlanValidator.validate(plan, assembly));
    return new PlanReadResult(problems.isEmpty() ? plan : null, problems);
  }

  private static PlanReadResult failed(PlanProblem problem) {
    return new PlanReadResult(null, List.of(problem));
  }
}
