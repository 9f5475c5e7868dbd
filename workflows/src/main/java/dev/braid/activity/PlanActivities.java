package dev.braid.activity;

import dev.braid.plan.Plan;
import dev.braid.plan.TaskState;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

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

  /** Writes {@code status} into the task file's frontmatter, keeping everything else as it was. */
  @ActivityMethod
  void setTaskStatus(String planDir, String taskFile, TaskState state);
}
