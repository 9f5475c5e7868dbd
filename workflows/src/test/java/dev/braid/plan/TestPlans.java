package dev.braid.plan;

import java.util.List;

/** Builds small plans for tests without repeating every field. */
final class TestPlans {

  private TestPlans() {}

  static PlanTask task(String id, Priority priority, String... dependencies) {
    return new PlanTask(
        id,
        "Title of " + id,
        "tasks/" + id + ".md",
        priority,
        List.of(dependencies),
        TaskState.PENDING,
        List.of());
  }

  static PlanTask task(String id, String... dependencies) {
    return task(id, Priority.MEDIUM, dependencies);
  }

  static Plan plan(PlanTask... tasks) {
    return new Plan("test plan", "/plans/test", List.of(tasks));
  }
}
