package dev.braid.workflow;

import dev.braid.activity.PlanActivities;
import dev.braid.plan.Plan;
import io.temporal.workflow.Workflow;

/**
 * The run's plan: from its input when the CLI put it there, so that no host needs the starting
 * checkout's files, else read from the plan directory as runs did before.
 *
 * @param plan the plan
 * @param snapshot what the input carried (task texts, declared overlaps), or null when the plan was
 *     read from disk
 */
record RunPlan(Plan plan, PlanSnapshot snapshot) {

  /** The change that made the plan travel in the run's input. */
  static final String CHANGE = "plan-in-input";

  /** Takes the plan from the input, or reads it; asked once, when an execution starts. */
  static RunPlan load(PlanActivities planFiles, RunRequest request) {
    PlanSnapshot snapshot = request.snapshot();
    // Only a run whose input has a snapshot asks: runs without one replay and run as before.
    if (snapshot != null && Workflow.getVersion(CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1) {
      return new RunPlan(snapshot.plan(), snapshot);
    }
    return new RunPlan(planFiles.loadPlan(request.planDir()), null);
  }

  /** A task's text from the input, or null when its attempts read the task file. */
  String textOf(String taskId) {
    return snapshot == null ? null : snapshot.textOf(taskId);
  }
}
