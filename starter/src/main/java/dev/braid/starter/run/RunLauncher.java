package dev.braid.starter.run;

import dev.braid.plan.Plan;
import dev.braid.starter.temporal.Connection;
import dev.braid.starter.temporal.StarterSearchAttributes;
import dev.braid.workflow.BraidNames;
import dev.braid.workflow.ExecuteWorkflow;
import dev.braid.workflow.RunRequest;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts a run, finds the one already going for the same plan, or finds that the plan's last run is
 * done. It describes the run's workflow id first, so that a finished plan is not run again by
 * accident, and a run that ended unfinished is taken up by a new run of the same id.
 */
public final class RunLauncher {
  private static final SearchAttributeKey<String> REPO_KEY =
      SearchAttributeKey.forKeyword(StarterSearchAttributes.SA_REPO);

  private RunLauncher() {}

  /**
   * @param rerun whether to start a new run even when the last one is done
   */
  public static Launch launch(
      Connection connection, String runId, RunRequest request, Plan plan, boolean rerun) {
    return launch(connection, runId, request, plan, rerun, BraidNames.TASK_QUEUE);
  }

  /**
   * Starts the run on the repository's task queue, attaches to it when it is going, or finds it
   * done.
   *
   * @param queue the repository's task queue ({@link BraidNames#repositoryQueue}); the run and its
   *     tasks keep it for good
   */
  public static Launch launch(
      Connection connection,
      String runId,
      RunRequest request,
      Plan plan,
      boolean rerun,
      String queue) {
    Optional<RunExecution> last = RunExecutions.describe(connection, RunRef.latest(runId));
    if (last.isPresent() && last.get().running()) {
      return new Launch(LaunchKind.ATTACHED, last.get().temporalRunId(), null);
    }
    boolean done =
        last.isPresent()
            && last.get().status() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED;
    if (done && !rerun) {
      return new Launch(LaunchKind.ALREADY_DONE, last.get().temporalRunId(), last.get());
    }
    LaunchKind kind =
        last.isEmpty() ? LaunchKind.STARTED : done ? LaunchKind.RERUN : LaunchKind.CONTINUED;
    try {
      WorkflowExecution started =
          WorkflowClient.start(stub(connection, runId, request, plan, queue)::execute, request);
      return new Launch(kind, started.getRunId(), last.orElse(null));
    } catch (WorkflowExecutionAlreadyStarted e) {
      // Another execute started it between the describe and the start: follow that run.
      String attached =
          RunExecutions.describe(connection, RunRef.latest(runId))
              .map(RunExecution::temporalRunId)
              .orElse(e.getExecution().getRunId());
      return new Launch(LaunchKind.ATTACHED, attached, null);
    }
  }

  private static ExecuteWorkflow stub(
      Connection connection, String runId, RunRequest request, Plan plan, String queue) {
    return connection
        .client()
        .newWorkflowStub(
            ExecuteWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(runId)
                .setTaskQueue(queue)
                .setStaticSummary(
                    "braid plan: " + plan.name() + " (" + plan.tasks().size() + " tasks)")
                .setStaticDetails("repository: " + request.repo() + "\nplan: " + request.planDir())
                // Set by the client at start, so braid list in any clone finds the run.
                .setTypedSearchAttributes(
                    SearchAttributes.newBuilder()
                        .set(REPO_KEY, RepositoryIdentity.of(Path.of(request.repo())))
                        .build())
                .build());
  }
}
