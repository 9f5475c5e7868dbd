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
  @SignalMethod(description = "A human's decision for this blocked task, sent by its run.")
  void decide(UnblockRequest decision);

  /**
   * Another task of the run met its agent's rate limit, which lasts until then (epoch
   * milliseconds): this task starts no attempt before it, so a run under one key waits once.
   */
  @SignalMethod(description = "The run's agents are rate limited until this time (epoch ms).")
  void rateLimitedUntil(long untilMillis);

  /**
   * GitHub has news for the task's pull request (a webhook delivery): with {@code github.watch} the
   * task looks at it now instead of at the end of its current wait. Nothing else is decided by it.
   */
  @SignalMethod(description = "GitHub has news for this task's pull request: look at it now.")
  void gitHubNews();
}
