package dev.braid.plan;

/**
 * Tells which file declared a task's field, so that a problem points to the line a user must
 * change. A task's dependencies may come from {@code plan.yaml} or from the task file's
 * frontmatter, and only the reader knows which.
 */
@FunctionalInterface
public interface FieldOrigin {

  /**
   * The file, relative to the plan directory, that declared this field of the task at this position
   * in the plan.
   *
   * @param taskIndex the task's position in {@link Plan#tasks()}, which tells apart tasks that
   *     share an id
   * @param field the field, such as {@code id} or {@code dependencies}
   */
  String fileOf(int taskIndex, String field);

  /**
   * The origin to assume when nothing better is known: every field comes from the task's own file,
   * or from {@code plan.yaml} for a task that has none.
   */
  static FieldOrigin taskFiles(Plan plan) {
    return (taskIndex, field) -> {
      String file = plan.tasks().get(taskIndex).file();
      return file == null ? "plan.yaml" : file;
    };
  }
}
