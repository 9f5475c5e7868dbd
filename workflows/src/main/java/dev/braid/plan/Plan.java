package dev.braid.plan;

import java.util.List;
import java.util.Optional;

/**
 * A development plan: a name and its tasks, in the order the plan lists them.
 *
 * @param name the plan's {@code metadata.name} or {@code metadata.title}, else the directory name
 * @param dir the plan directory, absolute
 * @param tasks the tasks in plan order
 */
public record Plan(String name, String dir, List<PlanTask> tasks) {

  public Plan {
    tasks = List.copyOf(tasks);
  }

  /** The task with this id, if the plan has one. */
  public Optional<PlanTask> task(String id) {
    return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
