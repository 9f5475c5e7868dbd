package dev.braid.workflow;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Runs one task: worktree, agent tiers, checks, commit, push. */
@WorkflowInterface
public interface TaskWorkflow {

  /** Runs the task until it is completed, or skipped by a human after it blocked. */
  @WorkflowMethod
  TaskOutcome run(TaskRequest request);

  /** A human's decision, forwarded by the run once it has validated it. */
  @SignalMethod
  void decide(UnblockRequest decision);
}
