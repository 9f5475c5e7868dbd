package dev.braid.starter.run;

import dev.braid.starter.temporal.Connection;
import dev.braid.workflow.ExecuteWorkflow;
import dev.braid.workflow.RunPhase;
import dev.braid.workflow.RunStatus;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads a run's status, once or until it ends. */
public final class RunWatcher {
  private static final Duration POLL = Duration.ofSeconds(1);

  private final Connection connection;
  private final String runId;

  public RunWatcher(Connection connection, String runId) {
    this.connection = connection;
    this.runId = runId;
  }

  /** The run's Temporal status, or empty when there is no such run. */
  public Optional<WorkflowExecutionStatus> describe() {
    return describeFully().map(d -> d.getWorkflowExecutionInfo().getStatus());
  }

  private Optional<DescribeWorkflowExecutionResponse> describeFully() {
    try {
      return Optional.of(
          connection
              .stubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(connection.namespace())
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(runId))
                      .build()));
    } catch (io.grpc.StatusRuntimeException e) {
      if (e.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Whether every event the run has received is processed: no workflow task is pending. Asked
   * before a query, it makes the query's answer final, so a decision just signalled is not missed.
   */
  private boolean settled() {
    return describeFully().map(d -> !d.hasPendingWorkflowTask()).orElse(true);
  }

  /** The status now: the query while the run lives, its result once it has ended. */
  public RunStatus current() {
    WorkflowExecutionStatus status =
        describe().orElseThrow(() -> new IllegalStateException("no run " + runId));
    if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      return connection.client().newWorkflowStub(ExecuteWorkflow.class, runId).status();
    }
    return result();
  }

  /**
   * Reports the status on every poll until the run ends, or until it waits on a human, and returns
   * the last status: the run's result once it has ended.
   */
  public RunStatus watch(Consumer<RunStatus> progress) throws InterruptedException {
    try {
      return follow(progress);
    } catch (RuntimeException e) {
      if (ServerLost.causedBy(e)) {
        throw new ServerLost(connection.address(), e);
      }
      throw e;
    }
  }

  private RunStatus follow(Consumer<RunStatus> progress) throws InterruptedException {
    ExecuteWorkflow query = connection.client().newWorkflowStub(ExecuteWorkflow.class, runId);
    while (describe().orElseThrow() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      try {
        boolean settled = settled();
        RunStatus now = query.status();
        progress.accept(now);
        // The run waits on a human only if it says so with nothing left to process.
        if (settled && now.phase() == RunPhase.BLOCKED) {
          return now;
        }
      } catch (io.temporal.client.WorkflowQueryException e) {
        // The run has not loaded its plan yet or no worker answered in time; the next poll will.
      }
      Thread.sleep(POLL.toMillis());
    }
    RunStatus result = result();
    progress.accept(result);
    return result;
  }

  private RunStatus result() {
    try {
      return connection.client().newUntypedWorkflowStub(runId).getResult(RunStatus.class);
    } catch (io.temporal.client.WorkflowFailedException ended) {
      // A run that failed carries its final status in the failure, readable with no worker; a
      // cancelled one ends with no result, and its last state is still queryable.
      return dev.braid.workflow.RunResults.fromFailure(ended)
          .orElseGet(
              () -> connection.client().newWorkflowStub(ExecuteWorkflow.class, runId).status());
    }
  }

  /** A stub for the run, for callers that need Temporal's own API. */
  public WorkflowStub stub() {
    return connection.client().newUntypedWorkflowStub(runId);
  }
}
