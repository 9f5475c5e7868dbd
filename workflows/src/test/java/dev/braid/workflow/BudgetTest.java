package dev.braid.workflow;

import static dev.braid.workflow.Harness.taskOf;
import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.plan.Plan;
import dev.braid.plan.Priority;
import io.temporal.client.WorkflowUpdateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Budgets block a task, or hold one back, until a human raises them, and say what was spent. */
class BudgetTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  private ExecuteWorkflow stub(String runId) {
    return harness.client().newWorkflowStub(ExecuteWorkflow.class, runId);
  }

  @Test
  void aTaskThatSpentItsBudgetBlocksAndARaisedBudgetLetsItFinish() throws Exception {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.costPerAttempt.put("a", 1.50);
    fakes.failuresLeft.put("a", 2);

    RunStatus blocked =
        harness
            .host(fakes)
            .run(
                "run-budget",
                new RunRequest("/repo", plan.dir(), Plans.budget(config(1), 2.00, null)),
                s -> s.phase() == RunPhase.BLOCKED);

    TaskStatus a = taskOf(blocked, "a");
    assertEquals(BlockKind.BUDGET, a.blocker().kind(), a.toString());
    assertTrue(a.reason().endsWith("budget: spent $3.00 of $2.00"), a.reason());
    WorkflowUpdateException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            WorkflowUpdateException.class,
            () ->
                stub("run-budget")
                    .unblock(new UnblockRequest("a", UnblockAction.SKIP, null, null, 5.0)));
    assertTrue(refused.getCause().getMessage().contains("go with retry only"));

    stub("run-budget").unblock(new UnblockRequest("a", UnblockAction.RETRY, null, null, 10.0));

    RunStatus end = harness.finalStatus("run-budget");
    assertEquals(RunPhase.DONE, end.phase(), end.toString());
    assertEquals(4.50, taskOf(end, "a").usage().costUsd(), 0.001);
  }

  @Test
  void noAttemptStartsOnceTheRunSpentItsBudgetAndARaiseLetsTheTaskAndTheRunGoOn() throws Exception {
    Plan plan = plan(task("a", Priority.HIGH), task("b", Priority.LOW));
    Fakes fakes = new Fakes(plan);
    fakes.costPerAttempt.put("a", 0.50);
    fakes.failuresLeft.put("a", 2);
    fakes.costPerAttempt.put("b", 0.10);

    RunStatus blocked =
        harness
            .host(fakes)
            .run(
                "run-attempts",
                new RunRequest("/repo", plan.dir(), Plans.budget(config(1), null, 0.40)),
                s -> s.phase() == RunPhase.BLOCKED);

    TaskStatus a = taskOf(blocked, "a");
    assertEquals(BlockKind.RUN_BUDGET, a.blocker().kind(), a.toString());
    assertEquals("run budget: spent $0.50 of $0.40 (this task $0.50)", a.reason());
    assertEquals(1, a.attempts(), "its second attempt never started: " + fakes.events);
    assertTrue(
        fakes.events.stream().noneMatch(e -> e.startsWith("prepare b")),
        "b never started either: " + fakes.events);

    stub("run-attempts").unblock(new UnblockRequest("a", UnblockAction.RETRY, null, null, 5.0));

    RunStatus end = harness.finalStatus("run-attempts");
    assertEquals(RunPhase.DONE, end.phase(), end.toString());
    assertEquals(3, taskOf(end, "a").attempts());
    assertEquals(1.50, taskOf(end, "a").usage().costUsd(), 0.001);
    assertEquals(TaskPhase.COMPLETED, taskOf(end, "b").phase(), "the raise reached the run");
    assertEquals(5.0, end.budget().perRunUsd(), 0.001);
  }

  @Test
  void aTaskAcceptedByHandAfterItsBudgetKeepsWhatItsAttemptsCostAndSkippedOnesToo()
      throws Exception {
    Plan plan = plan(task("a", Priority.HIGH), task("b", Priority.LOW));
    Fakes fakes = new Fakes(plan);
    fakes.costPerAttempt.put("a", 1.50);
    fakes.failuresLeft.put("a", 5);
    fakes.costPerAttempt.put("b", 1.50);
    fakes.failuresLeft.put("b", 5);
    fakes.manualChecksPass.add("a");

    harness
        .host(fakes)
        .run(
            "run-spent-done",
            new RunRequest("/repo", plan.dir(), Plans.budget(config(2), 2.00, null)),
            s -> s.tasks().stream().filter(t -> t.phase() == TaskPhase.BLOCKED).count() == 2);
    stub("run-spent-done").unblock(new UnblockRequest("a", UnblockAction.DONE, null, null));
    stub("run-spent-done").unblock(new UnblockRequest("b", UnblockAction.SKIP, null, null));
    RunStatus end = harness.failedRun("run-spent-done");

    assertEquals(TaskPhase.COMPLETED, taskOf(end, "a").phase());
    assertEquals(3.00, taskOf(end, "a").usage().costUsd(), 0.001, "its two attempts, not unknown");
    assertEquals(TaskPhase.SKIPPED, taskOf(end, "b").phase());
    assertEquals(3.00, taskOf(end, "b").usage().costUsd(), 0.001, "a skip spent money too");
  }

  @Test
  void noTaskStartsOnceTheRunSpentItsBudgetUntilAHumanRaisesIt() throws Exception {
    Plan plan = plan(task("first", Priority.HIGH), task("second", Priority.LOW));
    Fakes fakes = new Fakes(plan);
    fakes.costPerAttempt.put("first", 1.20);

    RunStatus blocked =
        harness
            .host(fakes)
            .run(
                "run-spent",
                new RunRequest("/repo", plan.dir(), Plans.budget(config(1), null, 1.00)),
                s -> s.phase() == RunPhase.BLOCKED);

    TaskStatus second = taskOf(blocked, "second");
    assertEquals(BlockKind.RUN_BUDGET, second.blocker().kind(), second.toString());
    assertEquals("run budget: spent $1.20 of $1.00", second.reason());
    assertTrue(
        fakes.events.stream().noneMatch(e -> e.startsWith("prepare second")),
        "the held-back task never started: " + fakes.events);
    // second has no workflow whose memo could say why it waits: the run's memo says it.
    var memo =
        (RunDigest)
            harness
                .client()
                .newUntypedWorkflowStub("run-spent")
                .describe()
                .getMemo(BraidNames.MEMO_RUN, RunDigest.class);
    assertEquals(BlockKind.RUN_BUDGET, memo.runBlocked().get("second").kind(), memo.toString());

    stub("run-spent").unblock(new UnblockRequest("second", UnblockAction.RETRY, null, null, 5.0));

    RunStatus end = harness.finalStatus("run-spent");
    assertEquals(RunPhase.DONE, end.phase(), end.toString());
    assertEquals(5.0, end.budget().perRunUsd(), 0.001, "the report shows the raised budget");
    assertTrue(
        end.message().contains("the budget could not be enforced for second"), end.message());
  }

  @Test
  void whatABlockedTaskSpentCountsAgainstTheRunsBudget() throws Exception {
    Plan plan = plan(task("first", Priority.HIGH), task("second", Priority.LOW));
    Fakes fakes = new Fakes(plan);
    fakes.costPerAttempt.put("first", 0.40);
    fakes.alwaysFail.add("first");

    RunStatus blocked =
        harness
            .host(fakes)
            .run(
                "run-blocked-spent",
                new RunRequest("/repo", plan.dir(), Plans.budget(config(1), null, 1.00)),
                s ->
                    s.phase() == RunPhase.BLOCKED
                        && s.tasks().stream().allMatch(t -> t.phase() == TaskPhase.BLOCKED));

    // first failed its three attempts (two fast, one strong), $1.20 in all, and is blocked.
    TaskStatus first = taskOf(blocked, "first");
    assertEquals(BlockKind.AGENT_TIERS_EXHAUSTED, first.blocker().kind(), first.toString());
    assertEquals(1.20, first.usage().costUsd(), 0.001);
    TaskStatus second = taskOf(blocked, "second");
    assertEquals(BlockKind.RUN_BUDGET, second.blocker().kind(), second.toString());
    assertEquals("run budget: spent $1.20 of $1.00", second.reason());
    assertTrue(
        fakes.events.stream().noneMatch(e -> e.startsWith("prepare second")),
        "the held-back task never started: " + fakes.events);
  }
}
