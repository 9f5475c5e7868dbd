package dev.braid.starter.telemetry;

import dev.braid.activity.PlanActivities;
import dev.braid.plan.Plan;
import dev.braid.plan.TaskState;

/** Status writes succeed and change nothing; plans are never read. */
public class FakePlanFiles implements PlanActivities {
  @Override
  public Plan loadPlan(String planDir) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setTaskStatus(String planDir, String taskFile, TaskState state) {}
}
