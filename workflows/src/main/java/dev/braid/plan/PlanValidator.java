package dev.braid.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the rules a plan's graph must keep before anything runs: ids unique and safe, a priority
 * for every task, every dependency a task of the plan and not the task itself, and no cycles. It
 * lists every problem, not only the first, so that a user can fix a plan in one pass.
 *
 * <p>Pure and deterministic: it can run in workflow code.
 */
public final class PlanValidator {

  private PlanValidator() {}

  /** Every problem, naming each task's own file as the place to fix it. */
  public static List<PlanProblem> validate(Plan plan) {
    return validate(plan, FieldOrigin.taskFiles(plan));
  }

  /**
   * Every problem, in plan order and then the cycles.
   *
   * @param origin which file declared each task's {@code id}, {@code priority} and {@code
   *     dependencies}
   */
  public static List<PlanProblem> validate(Plan plan, FieldOrigin origin) {
    List<PlanProblem> problems = new ArrayList<>();
    Map<String, Integer> firstIndexOf = new HashMap<>();
    Map<String, String> firstIds = new HashMap<>();
    Set<String> ids = new HashSet<>();
    plan.tasks().forEach(t -> ids.add(t.id()));
    for (int i = 0; i < plan.tasks().size(); i++) {
      PlanTask task = plan.tasks().get(i);
      String idFile = origin.fileOf(i, "id");
      idProblem(task.id(), firstIndexOf, firstIds, i)
          .ifPresent(m -> problems.add(new PlanProblem(idFile, task.id(), "id", m)));
      if (task.id() != null) {
        firstIndexOf.putIfAbsent(caseless(task.id()), i);
        firstIds.putIfAbsent(caseless(task.id()), task.id());
      }
      if (task.priority() == null) {
        problems.add(
            new PlanProblem(origin.fileOf(i, "priority"), task.id(), "priority", "is missing"));
      }
      String dependenciesFile = origin.fileOf(i, "dependencies");
      for (String dependency : task.dependencies()) {
        dependencyProblem(task.id(), dependency, ids)
            .ifPresent(
                m -> problems.add(new PlanProblem(dependenciesFile, task.id(), "dependencies", m)));
      }
    }
    for (List<String> cycle : CycleFinder.all(plan, false)) {
      int index = firstIndexOf.get(caseless(cycle.get(0)));
      problems.add(
          new PlanProblem(
              origin.fileOf(index, "dependencies"),
              cycle.get(0),
              "dependencies",
              "form a cycle: " + String.join(" -> ", cycle)));
    }
    return problems;
  }

  private static Optional<String> idProblem(
      String id, Map<String, Integer> firstIndexOf, Map<String, String> firstIds, int index) {
    if (id == null) {
      return Optional.of("is missing");
    }
    Optional<String> unsafe = SafeId.problem(id);
    if (unsafe.isPresent()) {
      return Optional.of("'" + SafeId.shown(id) + "' " + unsafe.get());
    }
    // Ids become folder names, and two that differ only in case are one folder on macOS.
    Integer first = firstIndexOf.get(caseless(id));
    if (first != null) {
      return Optional.of(
          "'"
              + id
              + "' is used by more than one task (entries "
              + (first + 1)
              + " and "
              + (index + 1)
              + " of the plan)"
              + (firstIds.get(caseless(id)).equals(id)
                  ? ""
                  : "; '"
                      + firstIds.get(caseless(id))
                      + "' differs only in case, and both would be one folder on a"
                      + " case-insensitive file system"));
    }
    return Optional.empty();
  }

  private static String caseless(String id) {
    return id.toLowerCase(java.util.Locale.ROOT);
  }

  private static Optional<String> dependencyProblem(String id, String dependency, Set<String> ids) {
    if (dependency == null || dependency.isBlank()) {
      return Optional.of("has an empty entry");
    }
    if (dependency.equals(id)) {
      return Optional.of("the task depends on itself");
    }
    if (!ids.contains(dependency)) {
      return Optional.of("'" + dependency + "' is not a task of this plan");
    }
    return Optional.empty();
  }
}
