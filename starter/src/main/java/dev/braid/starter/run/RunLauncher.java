package dev.braid.starter.run;

import dev.braid.plan.Plan;
import dev.braid.starter.temporal.Connection;
import dev.braid.workflow.BraidNames;
import dev.braid.workflow.ExecuteWorkflow;
import dev.braid.workflow.RunRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;

/** Starts a run, or finds the one already going for the same plan. */
public final class RunLauncher {
  private RunLauncher() {}

  /**
   * Starts the run's workflow unless one with this id is running.
   *
   * @return true when it attached to a running run instead of starting one
   */
  public static boolean startOrAttach(
      Connection connection, String runId, RunRequest request, Plan plan) {
    ExecuteWorkflow workflow =
        connection
            .client()
            .newWorkflowStub(
                ExecuteWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(runId)
                    .setTaskQueue(BraidNames.TASK_QUEUE)
                    .setStaticSummary(
                        "braid plan: " + plan.name() + " (" + plan.tasks().size() + " tasks)")
                    .setStaticDetails(
                        "repository: " + request.repo() + "\nplan: " + request.planDir())
                    .build());
    try {
      WorkflowClient.start(workflow::execute, request);
      return false;
    } catch (WorkflowExecutionAlreadyStarted e) {
      return true;
    }
  }
}
