package dev.braid.activity;

import dev.braid.plan.FileOverlap;
import dev.braid.plan.Plan;
import dev.braid.plan.TaskState;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Reads plans and keeps the task files' status true. */
@ActivityInterface
public interface PlanActivities {

  /**
   * Reads and validates the plan in this directory.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link AttemptFailure#PLAN_INVALID},
   *     non-retryable, listing every problem
   */
  @ActivityMethod
  Plan loadPlan(String planDir);

  /**
   * Which tasks of the plan in this directory may run at the same time and declare the same files
   * in their task files' {@code Files to Touch} or {@code Potential Conflicts} sections.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link AttemptFailure#PLAN_INVALID},
   *     non-retryable, when the plan cannot be read
   */
  @ActivityMethod
  List<FileOverlap> declaredOverlaps(String planDir);

  /** Writes {@code status} into the task file's frontmatter, keeping everything else as it was. */
  @ActivityMethod
  void setTaskStatus(String planDir, String taskFile, TaskState state);
}
