package dev.braid.plan;

import java.util.List;

/**
 * One task of a plan, as read from {@code plan.yaml} and the task file's frontmatter.
 *
 * @param id the task id; safe as a branch name and a path (see {@link SafeId})
 * @param title the task's title: the plan's {@code name}/{@code title}, else the file's first
 *     heading
 * @param file the task file, relative to the plan directory
 * @param priority the scheduling priority
 * @param dependencies ids of tasks that must be completed first
 * @param state the status recorded in the task file's frontmatter
 * @param labels the frontmatter's labels, used for pull requests
 */
public record PlanTask(
    String id,
    String title,
    String file,
    Priority priority,
    List<String> dependencies,
    TaskState state,
    List<String> labels) {

  public PlanTask {
    dependencies = List.copyOf(dependencies);
    labels = List.copyOf(labels);
  }
}
