package dev.braid.starter.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import dev.braid.plan.Priority;
import dev.braid.plan.TaskState;
import dev.braid.workflow.BlockKind;
import dev.braid.workflow.Blocker;
import dev.braid.workflow.RunDigest;
import dev.braid.workflow.RunPhase;
import dev.braid.workflow.RunStatus;
import dev.braid.workflow.TaskPhase;
import dev.braid.workflow.TaskProgress;
import dev.braid.workflow.TaskStatus;
import dev.braid.workflow.UnblockAction;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run's status from what Temporal stores, with no worker: the memos and the workflows' states.
 */
class StoredRunTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final WorkflowExecutionStatus RUNNING =
      WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  private static final WorkflowExecutionStatus COMPLETED =
      WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED;

  private final Plan plan =
      new Plan(
          "demo",
          "/repo/.parallel/plans",
          List.of(
              task("done-before", TaskState.COMPLETED, List.of()),
              task("setup", TaskState.BLOCKED, List.of()),
              task("free", TaskState.COMPLETED, List.of()),
              task("after", TaskState.PENDING, List.of("setup"))));

  private final Blocker setupFailed =
      new Blocker(
          BlockKind.SETUP_FAILED,
          "setup: npm ci exited 1: missing lockfile",
          "/repo/.parallel/logs/braid-demo/setup",
          null);

  @Test
  void aBlockedRunShowsEveryTaskOfThePlanWithTheBlockersFromTheTaskMemos() {
    Map<String, TaskExecution> tasks = new LinkedHashMap<>();
    tasks.put(
        "setup",
        new TaskExecution(
            "setup",
            RUNNING,
            T0 + 1_000,
            0,
            new TaskProgress(
                "setup", TaskPhase.BLOCKED, 0, List.of(), setupFailed.reason(), setupFailed)));
    tasks.put(
        "free",
        new TaskExecution(
            "free",
            COMPLETED,
            T0 + 1_000,
            T0 + 5_000,
            new TaskProgress("free", TaskPhase.COMPLETED, 2, List.of("fast", "strong"), null)));

    RunStatus run = StoredRun.build(running(RunPhase.BLOCKED), tasks, plan, "/repo");

    assertEquals(RunPhase.BLOCKED, run.phase());
    assertEquals("demo", run.planName());
    assertEquals(T0, run.startedAtMillis());
    assertEquals(
        List.of("done-before", "setup", "free", "after"),
        run.tasks().stream().map(TaskStatus::id).toList(),
        "plan order");
    TaskStatus before = run.tasks().get(0);
    assertEquals(TaskPhase.COMPLETED, before.phase());
    assertEquals("completed before this run", before.reason());
    TaskStatus setup = run.tasks().get(1);
    assertEquals(TaskPhase.BLOCKED, setup.phase());
    assertEquals("setup: npm ci exited 1: missing lockfile", setup.reason());
    assertEquals(BlockKind.SETUP_FAILED, setup.blocker().kind());
    assertEquals("Title of setup", setup.title());
    TaskStatus free = run.tasks().get(2);
    assertEquals(TaskPhase.COMPLETED, free.phase());
    assertEquals(2, free.attempts());
    assertEquals("strong", free.tier());
    assertEquals(4_000, free.finishedAtMillis() - free.startedAtMillis());
    assertNull(free.blocker());
    TaskStatus after = run.tasks().get(3);
    assertEquals(TaskPhase.WAITING, after.phase(), "no workflow yet, and its file is not done");
  }

  @Test
  void aRunningTaskThatWaitsOnARateLimitShowsTheWaitFromItsMemo() {
    String why = "waiting: rate limit until 15:04 UTC (AgentRateLimited: API Error: 429)";
    // As the task workflow's memo holds it: a wait names no decisions.
    Blocker wait =
        new Blocker(BlockKind.RATE_LIMIT, why, "/repo/.parallel/logs/braid-demo/setup", null);
    Map<String, TaskExecution> tasks =
        Map.of(
            "setup",
            new TaskExecution(
                "setup",
                RUNNING,
                T0,
                0,
                new TaskProgress("setup", TaskPhase.RUNNING, 0, List.of(), why, wait)));

    RunStatus run = StoredRun.build(running(RunPhase.RUNNING), tasks, plan, "/repo");

    TaskStatus setup = run.tasks().get(1);
    assertEquals(TaskPhase.RUNNING, setup.phase(), "a wait is not a block");
    assertEquals(why, setup.reason());
    assertEquals(BlockKind.RATE_LIMIT, setup.blocker().kind());
    assertEquals(List.of(), setup.blocker().decisions(), "nobody has to decide a wait");
  }

  @Test
  void aTaskWorkflowThatFailedIsBlockedAsTheRunBlocksItAndCanOnlyBeRetriedOrSkipped() {
    Map<String, TaskExecution> tasks =
        Map.of(
            "setup",
            new TaskExecution(
                "setup",
                WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED,
                T0,
                T0 + 2_000,
                new TaskProgress("setup", TaskPhase.RUNNING, 1, List.of("fast"), null)));

    RunStatus run = StoredRun.build(running(RunPhase.BLOCKED), tasks, plan, "/repo");

    TaskStatus setup = run.tasks().get(1);
    assertEquals(TaskPhase.BLOCKED, setup.phase());
    assertEquals(BlockKind.TASK_FAILED, setup.blocker().kind());
    assertEquals(List.of(UnblockAction.RETRY, UnblockAction.SKIP), setup.blocker().decisions());
    assertEquals("/repo/.parallel/logs/braid-demo/run-1/setup", setup.blocker().log());
  }

  @Test
  void aCancelledRunSaysSoAndItsRunningTasksAreSkipped() {
    RunExecution cancelled =
        new RunExecution(
            "braid-demo",
            "run-1",
            "run-1",
            WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED,
            T0,
            T0 + 9_000,
            digest(RunPhase.RUNNING));
    Map<String, TaskExecution> tasks =
        Map.of(
            "setup",
            new TaskExecution(
                "setup",
                WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED,
                T0,
                T0 + 9_000,
                new TaskProgress("setup", TaskPhase.RUNNING, 1, List.of("fast"), null)));

    RunStatus run = StoredRun.build(cancelled, tasks, plan, "/repo");

    assertEquals(RunPhase.CANCELLED, run.phase());
    assertTrue(run.message().contains("ended canceled in Temporal"), run.message());
    assertEquals(TaskPhase.SKIPPED, run.tasks().get(1).phase());
    assertEquals(T0 + 9_000, run.finishedAtMillis());
  }

  @Test
  void aTaskTheRunHoldsBlockedShowsWhyFromTheRunsMemo() {
    Blocker budget =
        new Blocker(
            BlockKind.RUN_BUDGET, "run budget: spent $0.50 of $0.40", "/repo/logs/after", null);
    RunExecution held =
        new RunExecution(
            "braid-demo",
            "run-1",
            "run-1",
            RUNNING,
            T0 + 10,
            0,
            new RunDigest(
                RunPhase.BLOCKED, "demo", 4, 2, 0, 1, 0, T0, null, Map.of("after", budget)));

    RunStatus run = StoredRun.build(held, new LinkedHashMap<>(), plan, "/repo");

    TaskStatus after = run.tasks().get(3);
    assertEquals("after", after.id());
    assertEquals(TaskPhase.BLOCKED, after.phase(), "not waiting: the run holds it");
    assertEquals("run budget: spent $0.50 of $0.40", after.reason());
    assertEquals(BlockKind.RUN_BUDGET, after.blocker().kind());
  }

  @Test
  void withoutThePlanTheTasksAreThoseWithAWorkflow() {
    Map<String, TaskExecution> tasks =
        Map.of(
            "free",
            new TaskExecution(
                "free",
                RUNNING,
                T0,
                0,
                new TaskProgress("free", TaskPhase.RUNNING, 1, List.of("fast"), null)));

    RunStatus run = StoredRun.build(running(RunPhase.RUNNING), tasks, null, "/repo");

    assertEquals(List.of("free"), run.tasks().stream().map(TaskStatus::id).toList());
    assertEquals(TaskPhase.RUNNING, run.tasks().get(0).phase());
    assertEquals(0, run.tasks().get(0).finishedAtMillis());
  }

  private static RunExecution running(RunPhase phase) {
    return new RunExecution("braid-demo", "run-1", "run-1", RUNNING, T0 + 10, 0, digest(phase));
  }

  private static RunDigest digest(RunPhase phase) {
    return new RunDigest(phase, "demo", 4, 2, 0, 1, 0, T0, null, Map.of());
  }

  private static PlanTask task(String id, TaskState state, List<String> deps) {
    return new PlanTask(
        id, "Title of " + id, "tasks/" + id + ".md", Priority.MEDIUM, deps, state, List.of());
  }
}
