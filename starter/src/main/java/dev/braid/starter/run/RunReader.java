package dev.braid.starter.run;

import dev.braid.activities.plan.PlanReadResult;
import dev.braid.activities.plan.PlanReader;
import dev.braid.plan.Plan;
import dev.braid.starter.temporal.Connection;
import dev.braid.starter.temporal.WorkerAnswer;
import dev.braid.workflow.ExecuteWorkflow;
import dev.braid.workflow.RunResults;
import dev.braid.workflow.RunStatus;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowTargetOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a run for the one-shot commands ({@code status}, {@code report}) from what Temporal stores,
 * so no worker has to answer: an ended run's result (a failed run's is in its failure), a live
 * run's memo and its task workflows'. Only a live run from before braid kept its memo needs a
 * worker's query; {@code workerNeeded} brings one for that case.
 */
public final class RunReader {
  private final Connection connection;
  private final Runnable workerNeeded;

  public RunReader(Connection connection, Runnable workerNeeded) {
    this.connection = connection;
    this.workerNeeded = workerNeeded;
  }

  /**
   * @param execution the run to read
   * @param fallbackPlanDir where to look for the plan when the run's input does not say
   */
  public RunReading read(RunExecution execution, Path fallbackPlanDir) {
    RunInput input = RunInput.of(connection, execution).orElse(null);
    Plan plan = plan(input != null ? input.planDir() : fallbackPlanDir);
    String repo = input != null ? input.repo().toString() : "";
    if (execution.status() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
      return new RunReading(execution, result(execution), input, plan, "result");
    }
    if (execution.status() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED) {
      Optional<RunStatus> failed = failure(execution);
      if (failed.isPresent()) {
        return new RunReading(execution, failed.get(), input, plan, "result");
      }
    }
    if (execution.running() && execution.digest() == null) {
      workerNeeded.run();
      RunStatus queried =
          WorkerAnswer.await(
              connection,
              "the run's status query",
              () ->
                  connection
                      .client()
                      .newWorkflowStub(ExecuteWorkflow.class, execution.workflowId())
                      .status());
      return new RunReading(execution, queried, input, plan, "worker");
    }
    RunStatus stored =
        StoredRun.build(execution, TaskExecutions.of(connection, execution), plan, repo);
    return new RunReading(execution, stored, input, plan, "stored");
  }

  /** The result of an ended run, read from its history's last event: no worker needed. */
  private RunStatus result(RunExecution execution) {
    return connection
        .client()
        .newUntypedWorkflowStub(
            WorkflowTargetOptions.newBuilder()
                .setWorkflowId(execution.workflowId())
                .setRunId(execution.currentRunId())
                .build())
        .getResult(RunStatus.class);
  }

  private Optional<RunStatus> failure(RunExecution execution) {
    try {
      result(execution);
      return Optional.empty();
    } catch (WorkflowFailedException e) {
      return RunResults.fromFailure(e);
    }
  }

  private static Plan plan(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return null;
    }
    PlanReadResult read = new PlanReader().read(dir);
    return read.ok() ? read.plan() : null;
  }
}
