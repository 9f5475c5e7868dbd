package dev.braid.workflow;

import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.braid.activity.AttemptRequest;
import dev.braid.plan.Plan;
import dev.braid.plan.Priority;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Logs are kept per Temporal run: running a plan again never appends to the last run's logs. */
class RunLogsTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void eachTemporalRunOfAPlanWritesItsAttemptsToItsOwnFolder() {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    RunRequest request = new RunRequest("/repo", plan.dir(), config(1));

    assertEquals(RunPhase.DONE, harness.host(fakes).run("run-logs", request).phase());
    String first = latestRunId("run-logs");
    assertEquals(RunPhase.DONE, harness.rerun("run-logs", request).phase());
    String second = latestRunId("run-logs");

    assertNotEquals(first, second);
    assertEquals(
        List.of(first, second), fakes.attempts.stream().map(AttemptRequest::logRun).toList());
    assertEquals(
        "/repo/.parallel/logs/run-logs/" + second + "/a",
        BraidNames.taskLogDir("/repo", "run-logs", second, "a"));
  }

  private String latestRunId(String workflowId) {
    var client = harness.client();
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setExecution(
                    io.temporal.api.common.v1.WorkflowExecution.newBuilder()
                        .setWorkflowId(workflowId))
                .build())
        .getWorkflowExecutionInfo()
        .getExecution()
        .getRunId();
  }
}
