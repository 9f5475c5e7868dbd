package dev.braid.starter.telemetry;

import dev.braid.activity.AttemptRequest;
import dev.braid.activity.AttemptResult;
import dev.braid.activity.MergeRequest;
import dev.braid.activity.MergeResult;
import dev.braid.plan.TaskState;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Stand-ins of the braid activities the telemetry reads, with their activity types and argument
 * types, and none of the rest: the meter knows activities by those alone.
 */
@ActivityInterface
public interface ProbeActivities {
  /** Activity type {@code Attempt}, as {@code AgentActivities.attempt}. */
  @ActivityMethod
  AttemptResult attempt(AttemptRequest request);

  /** Activity type {@code Integrate}, as {@code GitActivities.integrate}. */
  @ActivityMethod
  MergeResult integrate(MergeRequest request);

  /** Activity type {@code SetTaskStatus}, as {@code PlanActivities.setTaskStatus}. */
  @ActivityMethod
  void setTaskStatus(String planDir, String taskFile, TaskState state);
}
