package dev.braid.plan;

/**
 * One reason a plan cannot run. It names where the problem is, so that a user can go straight to
 * it.
 *
 * @param file the file, relative to the plan directory (or absolute when outside it)
 * @param task the task id, or null when the problem is not about one task
 * @param field the field, such as {@code dependencies} or {@code priority}, or null
 * @param message what is wrong, as a sentence fragment
 */
public record PlanProblem(String file, String task, String field, String message) {

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (task != null) {
      sb.append(": task '").append(task).append('\'');
    }
    if (field != null) {
      sb.append(": ").append(field);
    }
    return sb.append(": ").append(message).toString();
  }
}
