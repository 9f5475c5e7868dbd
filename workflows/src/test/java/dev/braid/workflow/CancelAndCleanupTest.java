package dev.braid.workflow;

import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.plan.Plan;
import dev.braid.plan.Priority;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cancelling a run compensates like a saga; a run configured to clean up does so when done. */
class CancelAndCleanupTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  @org.junit.jupiter.api.Timeout(120) // a task that treats its cancellation as a failure never ends
  void aRunCancelledWhileAnAgentWorksEndsCancelledAndItsTaskDoesNotBlock() throws Exception {
    Plan plan = plan(task("slow", Priority.HIGH));
    Fakes fakes = new Fakes(plan);
    fakes.agentMillis = 1_500;
    harness.host(fakes);
    harness.run(
        "run-busy", new RunRequest("/repo", plan.dir(), config(1)), s -> fakes.running.get() > 0);

    WorkflowStub run = harness.client().newUntypedWorkflowStub("run-busy");
    run.cancel();

    WorkflowFailedException e =
        assertThrows(WorkflowFailedException.class, () -> run.getResult(RunStatus.class));
    assertTrue(e.getCause() instanceof CanceledFailure, e.toString());
    assertEquals(
        WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED,
        harness
            .client()
            .newUntypedWorkflowStub("run-busy/slow")
            .describe()
            .getWorkflowExecutionInfo()
            .getStatus());
    assertTrue(
        fakes.events.stream().noneMatch(ev -> ev.startsWith("status slow blocked")),
        "a cancelled task is not blocked for a human: " + fakes.events);
  }

  @Test
  void cancelledRunStopsItsTasksThenCleansUpWhatHoldsNoWork() throws Exception {
    Plan plan = plan(task("done", Priority.HIGH), task("stuck", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.needGuidance.add("stuck");
    harness.host(fakes);
    harness.run(
        "run-cancel",
        new RunRequest("/repo", plan.dir(), config(2)),
        s -> s.phase() == RunPhase.BLOCKED);

    WorkflowStub run = harness.client().newUntypedWorkflowStub("run-cancel");
    run.cancel();

    WorkflowFailedException e =
        assertThrows(WorkflowFailedException.class, () -> run.getResult(RunStatus.class));
    assertTrue(e.getCause() instanceof CanceledFailure, e.toString());
    assertEquals(
        WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED,
        harness
            .client()
            .newUntypedWorkflowStub("run-cancel/stuck")
            .describe()
            .getWorkflowExecutionInfo()
            .getStatus(),
        "the blocked task's workflow was cancelled too");
    assertEquals(1, fakes.cleanups.size());
    assertEquals(false, fakes.cleanups.get(0).archive(), "a cancelled run's plan is not archived");
    RunStatus status =
        harness.client().newWorkflowStub(ExecuteWorkflow.class, "run-cancel").status();
    assertEquals(RunPhase.CANCELLED, status.phase());
    assertEquals(
        "cancelled; cleanup removed 1 worktree(s), deleted 1 merged branch(es), kept feature/stuck: has 1 unmerged commit",
        status.message());
  }

  @Test
  void runConfiguredToCleanUpDoesSoWhenDone() {
    Plan plan = plan(task("done", Priority.HIGH));
    Fakes fakes = new Fakes(plan);

    RunStatus run =
        harness
            .host(fakes)
            .run("run-clean", new RunRequest("/repo", plan.dir(), Plans.withCleanup(config(1))));

    assertEquals(RunPhase.DONE, run.phase());
    assertEquals(1, fakes.cleanups.size());
    assertTrue(fakes.cleanups.get(0).archive());
    assertEquals("/repo/.parallel/plans", fakes.cleanups.get(0).planDir());
    assertTrue(
        run.message()
            .endsWith(
                "archived the plan to /repo/.parallel/archive/plans-"
                    + fakes.cleanups.get(0).date()),
        run.message());
    assertTrue(fakes.cleanups.get(0).date().matches("\\d{4}-\\d{2}-\\d{2}"));
  }
}
