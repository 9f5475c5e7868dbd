package dev.braid.starter.cli;

import dev.braid.plan.Plan;
import dev.braid.starter.run.RunRef;

/**
 * The run a command works on.
 *
 * @param ref the run's workflow id, and the Temporal run when the user named one
 * @param plan the plan read to name the run, or null when the user named it
 */
record ChosenRun(RunRef ref, Plan plan) {
  /** The run's workflow id. */
  String id() {
    return ref.workflowId();
  }
}
