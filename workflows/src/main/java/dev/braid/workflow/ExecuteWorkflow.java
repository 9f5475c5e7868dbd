package dev.braid.workflow;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Runs a whole plan: its tasks as child workflows, then the merge. */
@WorkflowInterface
public interface ExecuteWorkflow {

  /** Runs the plan to its end and returns the final status. */
  @WorkflowMethod
  RunStatus execute(RunRequest request);

  /** Every task's status now. */
  @QueryMethod(description = "Every task's status now, with why each blocked task waits.")
  RunStatus status();

  /**
   * A human's decision for a blocked task. The validator rejects an unknown task, a task that is
   * not blocked, and an unknown tier, so the caller hears at once what is wrong.
   */
  @UpdateMethod(
      name = "unblockTask",
      description =
          "Decide for a blocked task: {taskId, action: retry|skip|done, guidance?, tier?, budget?}."
              + " Refused when the task is not blocked or its kind does not allow the action.")
  UnblockResult unblock(UnblockRequest request);

  /** Checks an unblock before it is accepted into the history. */
  @UpdateValidatorMethod(updateName = "unblockTask")
  void validateUnblock(UnblockRequest request);

  /**
   * The same decision as a plain signal, for {@code temporal workflow signal --name unblock}. A
   * signal cannot answer, so an invalid one is logged and ignored.
   */
  @SignalMethod(
      name = "unblock",
      description = "The same decision as the unblockTask update; an invalid one is ignored.")
  void unblockSignal(UnblockRequest request);

  /** A task workflow reports that it became blocked or runs again. */
  @SignalMethod(
      name = "taskProgress",
      description = "Sent by a task's workflow when it blocks, waits or runs again.")
  void taskProgress(TaskProgress progress);
}
