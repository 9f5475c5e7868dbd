package dev.braid.starter.run;

import dev.braid.starter.temporal.Connection;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryReverseRequest;
import java.util.Optional;

/** Finds a run's execution in Temporal by describing it: no worker is needed. */
public final class RunExecutions {
  /** A chain of continue-as-new is short (one link per 2,000 events); this only stops a loop. */
  private static final int MAX_LINKS = 1_000;

  private RunExecutions() {}

  /**
   * The execution the reference names: the newest run of the workflow id, or the newest execution
   * of the named run's chain (a run that continued as new goes on in a later execution).
   */
  public static Optional<RunExecution> describe(Connection connection, RunRef ref) {
    Optional<RunExecution> found = describeOne(connection, ref.workflowId(), ref.temporalRunId());
    for (int link = 0; link < MAX_LINKS && found.isPresent(); link++) {
      RunExecution execution = found.get();
      if (execution.status()
          != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW) {
        return found;
      }
      String next = continuedAs(connection, execution);
      found =
          describeOne(connection, execution.workflowId(), next)
              // The chain keeps the id of its first run, which is how braid names it.
              .map(
                  n ->
                      new RunExecution(
                          n.workflowId(),
                          execution.temporalRunId(),
                          n.currentRunId(),
                          n.status(),
                          n.startMillis(),
                          n.closeMillis(),
                          n.digest()));
    }
    return found;
  }

  private static Optional<RunExecution> describeOne(
      Connection connection, String workflowId, String runId) {
    WorkflowExecution.Builder execution = WorkflowExecution.newBuilder().setWorkflowId(workflowId);
    if (runId != null) {
      execution.setRunId(runId);
    }
    try {
      var info =
          connection
              .stubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(connection.namespace())
                      .setExecution(execution)
                      .build())
              .getWorkflowExecutionInfo();
      return Optional.of(
          RunExecution.of(info, connection.client().getOptions().getDataConverter()));
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND
          || e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT && runId != null) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The run id an execution that continued as new handed over to: its last event says. */
  private static String continuedAs(Connection connection, RunExecution execution) {
    HistoryEvent last =
        connection
            .stubs()
            .blockingStub()
            .getWorkflowExecutionHistoryReverse(
                GetWorkflowExecutionHistoryReverseRequest.newBuilder()
                    .setNamespace(connection.namespace())
                    .setExecution(
                        WorkflowExecution.newBuilder()
                            .setWorkflowId(execution.workflowId())
                            .setRunId(execution.currentRunId()))
                    .setMaximumPageSize(1)
                    .build())
            .getHistory()
            .getEvents(0);
    return last.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId();
  }
}
