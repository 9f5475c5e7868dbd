package dev.braid.activities.plan;

import dev.braid.plan.FieldOrigin;
import dev.braid.plan.PlanProblem;
import dev.braid.plan.PlanTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a reader has gathered from a plan's files: the plan's name, its tasks, the file that
 * declared each task's fields, and every problem found on the way. The validator then names the
 * right file for each of its own problems.
 */
final class PlanAssembly implements FieldOrigin {

  private final List<PlanTask> tasks = new ArrayList<>();
  private final List<Map<String, String>> fieldFiles = new ArrayList<>();
  private final List<String> taskFiles = new ArrayList<>();
  private final List<PlanProblem> problems = new ArrayList<>();
  private String name;

  /**
   * Adds a task.
   *
   * @param declaredIn the file that gave each field, where it is not {@code file}
   * @param file the file that gave the task's other fields
   */
  void add(PlanTask task, Map<String, String> declaredIn, String file) {
    tasks.add(task);
    fieldFiles.add(Map.copyOf(declaredIn));
    taskFiles.add(file);
  }

  @Override
  public String fileOf(int taskIndex, String field) {
    return fieldFiles.get(taskIndex).getOrDefault(field, taskFiles.get(taskIndex));
  }

  List<PlanTask> tasks() {
    return tasks;
  }

  /** Where problems are added; the readers add to it directly. */
  List<PlanProblem> problems() {
    return problems;
  }

  String name() {
    return name;
  }

  void name(String name) {
    this.name = name;
  }
}
