package dev.braid.workflow;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Runs a whole plan: its tasks as child workflows, then the merge. */
@WorkflowInterface
public interface ExecuteWorkflow {

  /** Runs the plan to its end and returns the final status. */
  @WorkflowMethod
  RunStatus execute(RunRequest request);

  /** Every task's status now. */
  @QueryMethod
  RunStatus status();
}
