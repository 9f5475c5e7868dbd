package dev.braid.workflow;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Runs one task: worktree, agent tiers, checks, commit, push. */
@WorkflowInterface
public interface TaskWorkflow {

  /** Runs the task until it is completed or blocked. */
  @WorkflowMethod
  TaskOutcome run(TaskRequest request);
}
