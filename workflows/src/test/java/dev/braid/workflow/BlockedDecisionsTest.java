package dev.braid.workflow;

import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.config.BraidConfig;
import dev.braid.plan.Plan;
import dev.braid.plan.Priority;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each blocked kind, decided every way its {@link BlockKind#decisions()} allow, to the run's end:
 * the final phases say what happened, and only the work that reached the target is merged. A
 * decision a kind does not allow is refused.
 */
@Timeout(30) // a run that never ends fails its test instead of hanging the build
class BlockedDecisionsTest {
  private static final List<UnblockAction> ALL =
      List.of(UnblockAction.RETRY, UnblockAction.SKIP, UnblockAction.DONE);

  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static TaskStatus taskOf(RunStatus run, String id) {
    return run.tasks().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  private ExecuteWorkflow stub(String runId) {
    return harness.client().newWorkflowStub(ExecuteWorkflow.class, runId);
  }

  /** Starts the run and returns its status once its task {@code id} is blocked by {@code kind}. */
  private RunStatus blockedBy(
      String runId, Plan plan, Fakes fakes, BraidConfig config, String id, BlockKind kind)
      throws InterruptedException {
    harness.host(fakes);
    harness.env.start();
    ExecuteWorkflow run =
        harness
            .client()
            .newWorkflowStub(
                ExecuteWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(runId)
                    .setTaskQueue(BraidNames.TASK_QUEUE)
                    .build());
    WorkflowClient.start(run::execute, new RunRequest("/repo", plan.dir(), config));
    return await(runId, blockedOn(id, kind));
  }

  private static Predicate<RunStatus> blockedOn(String id, BlockKind kind) {
    return s ->
        s.phase() == RunPhase.BLOCKED
            && taskOf(s, id).phase() == TaskPhase.BLOCKED
            && taskOf(s, id).blocker() != null
            && taskOf(s, id).blocker().kind() == kind;
  }

  private RunStatus await(String runId, Predicate<RunStatus> until) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      RunStatus status = stub(runId).status();
      if (until.test(status)) {
        return status;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the run never got there: " + stub(runId).status());
  }

  private void decide(String runId, String id, UnblockAction action) {
    stub(runId).unblock(new UnblockRequest(id, action, null, null));
  }

  private String refusal(String runId, String id, UnblockAction action) {
    return refusal(runId, new UnblockRequest(id, action, null, null));
  }

  private String refusal(String runId, UnblockRequest decision) {
    WorkflowUpdateException refused =
        assertThrows(WorkflowUpdateException.class, () -> stub(runId).unblock(decision));
    return refused.getCause().getMessage();
  }

  /** The branches the run's final merge moved onto the target. */
  private static List<String> mergedIntoTarget(Fakes fakes) {
    assertTrue(!fakes.merges.isEmpty(), "nothing was merged into the target");
    return fakes.merges.get(fakes.merges.size() - 1).branches();
  }

  private static long count(Fakes fakes, String prefix) {
    return fakes.events.stream().filter(e -> e.startsWith(prefix)).count();
  }

  private static void assertDone(RunStatus end, String... completed) {
    assertEquals(RunPhase.DONE, end.phase(), end.toString());
    for (String id : completed) {
      assertEquals(TaskPhase.COMPLETED, taskOf(end, id).phase(), end.toString());
    }
    assertEquals("all tasks completed and merged into main", end.message());
  }

  private static void assertSkippedAndFailed(RunStatus end, String skipped) {
    assertEquals(RunPhase.FAILED, end.phase(), end.toString());
    assertEquals(TaskPhase.SKIPPED, taskOf(end, skipped).phase());
    assertTrue(end.message().contains(skipped + " skipped"), end.message());
    assertTrue(end.message().contains("the other tasks were merged into main"), end.message());
  }

  // --- merge conflict: the merge queue sent the task back, and no resolver fixed the conflict

  private RunStatus conflicted(String runId, Plan plan, Fakes fakes) throws InterruptedException {
    fakes.conflictsLeft.put("feature/a", 1);
    fakes.syncConflicts.add("a");
    RunStatus blocked =
        blockedBy(
            runId, plan, fakes, Plans.withoutResolver(config(2)), "a", BlockKind.MERGE_CONFLICT);
    assertEquals(ALL, taskOf(blocked, "a").blocker().decisions());
    assertTrue(taskOf(blocked, "a").reason().contains("src/shared.py"), blocked.toString());
    return blocked;
  }

  @Test
  void aMergeConflictRetriedSyncsAgainAndIsMerged() throws Exception {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    conflicted("run-mc-retry", plan, fakes);

    decide("run-mc-retry", "a", UnblockAction.RETRY);

    RunStatus end = harness.finalStatus("run-mc-retry");
    assertDone(end, "a");
    assertEquals(2, count(fakes, "sync a with"), fakes.events.toString());
    assertEquals(List.of("feature/a"), mergedIntoTarget(fakes));
  }

  @Test
  void aMergeConflictDoneByHandIsCheckedAndMerged() throws Exception {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.manualChecksPass.add("a");
    conflicted("run-mc-done", plan, fakes);

    decide("run-mc-done", "a", UnblockAction.DONE);

    RunStatus end = harness.finalStatus("run-mc-done");
    assertDone(end, "a");
    assertEquals("manual-a", taskOf(end, "a").headCommit());
    assertTrue(fakes.events.contains("manual a"), fakes.events.toString());
    assertEquals(List.of("feature/a"), mergedIntoTarget(fakes));
  }

  @Test
  void aMergeConflictSkippedEndsTheRunFailedWithOnlyTheOtherTaskMerged() throws Exception {
    Plan plan = plan(task("a", Priority.HIGH), task("b", Priority.LOW));
    Fakes fakes = new Fakes(plan);
    conflicted("run-mc-skip", plan, fakes);

    decide("run-mc-skip", "a", UnblockAction.SKIP);

    RunStatus end = harness.finalStatus("run-mc-skip");
    assertSkippedAndFailed(end, "a");
    assertEquals(TaskPhase.COMPLETED, taskOf(end, "b").phase());
    assertEquals(List.of("feature/b"), mergedIntoTarget(fakes));
  }

  // --- push failed: the remote rejected the task's branch

  private RunStatus pushRejected(String runId, Plan plan, Fakes fakes) throws InterruptedException {
    fakes.pushRejectionsLeft.put("feature/a", 1);
    RunStatus blocked = blockedBy(runId, plan, fakes, config(2), "a", BlockKind.PUSH_FAILED);
    TaskStatus a = taskOf(blocked, "a");
    assertEquals(ALL, a.blocker().decisions());
    assertTrue(a.reason().startsWith("complete: "), a.reason());
    assertTrue(a.reason().contains("[rejected] feature/a -> feature/a (fetch first)"), a.reason());
    return blocked;
  }

  @Test
  void aRejectedPushRetriedPushesTheSameWorkWithoutRunningTheAgentAgain() throws Exception {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    pushRejected("run-push-retry", plan, fakes);

    decide("run-push-retry", "a", UnblockAction.RETRY);

    RunStatus end = harness.finalStatus("run-push-retry");
    assertDone(end, "a");
    assertEquals(1, count(fakes, "start a "), fakes.events.toString());
    assertEquals(1, count(fakes, "push feature/a"), fakes.events.toString());
    assertEquals("commit-a", taskOf(end, "a").headCommit());
    assertEquals(List.of("feature/a"), mergedIntoTarget(fakes));
  }

  @Test
  void aRejectedPushDoneByHandIsCheckedThenPushedAndMerged() throws Exception {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.manualChecksPass.add("a");
    pushRejected("run-push-done", plan, fakes);

    decide("run-push-done", "a", UnblockAction.DONE);

    RunStatus end = harness.finalStatus("run-push-done");
    assertDone(end, "a");
    assertEquals("manual-a", taskOf(end, "a").headCommit());
    assertEquals(1, count(fakes, "push feature/a"), fakes.events.toString());
    assertEquals(List.of("feature/a"), mergedIntoTarget(fakes));
  }

  @Test
  void aRejectedPushSkippedEndsTheRunFailedWithOnlyTheOtherTaskMerged() throws Exception {
    Plan plan = plan(task("a", Priority.HIGH), task("b", Priority.LOW));
    Fakes fakes = new Fakes(plan);
    pushRejected("run-push-skip", plan, fakes);

    decide("run-push-skip", "a", UnblockAction.SKIP);

    RunStatus end = harness.finalStatus("run-push-skip");
    assertSkippedAndFailed(end, "a");
    assertEquals(0, count(fakes, "push feature/a"), fakes.events.toString());
    assertEquals(List.of("feature/b"), mergedIntoTarget(fakes));
  }

  // --- manual checks failed: a human said done, and the checks disagreed

  private void manualChecksFailed(String runId, Plan plan, Fakes fakes)
      throws InterruptedException {
    fakes.alwaysFail.add("a");
    blockedBy(runId, plan, fakes, config(2), "a", BlockKind.AGENT_TIERS_EXHAUSTED);
    decide(runId, "a", UnblockAction.DONE);
    TaskStatus a = taskOf(await(runId, blockedOn("a", BlockKind.MANUAL_CHECKS_FAILED)), "a");
    assertEquals(ALL, a.blocker().decisions());
    assertTrue(a.reason().startsWith("checks after the manual fix: "), a.reason());
    assertTrue(a.reason().contains("1 test failed"), a.reason());
  }

  @Test
  void failedManualChecksRetriedRunTheAgentAgainAndMergeItsWork() throws Exception {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    manualChecksFailed("run-mcf-retry", plan, fakes);
    fakes.alwaysFail.remove("a");

    decide("run-mcf-retry", "a", UnblockAction.RETRY);

    RunStatus end = harness.finalStatus("run-mcf-retry");
    assertDone(end, "a");
    assertEquals("commit-a", taskOf(end, "a").headCommit());
    assertEquals(List.of("feature/a"), mergedIntoTarget(fakes));
  }

  @Test
  void failedManualChecksDoneAgainOnceFixedAreMerged() throws Exception {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    manualChecksFailed("run-mcf-done", plan, fakes);
    fakes.manualChecksPass.add("a");

    decide("run-mcf-done", "a", UnblockAction.DONE);

    RunStatus end = harness.finalStatus("run-mcf-done");
    assertDone(end, "a");
    assertEquals("manual-a", taskOf(end, "a").headCommit());
    assertEquals(2, count(fakes, "manual a"), fakes.events.toString());
    assertEquals(List.of("feature/a"), mergedIntoTarget(fakes));
  }

  @Test
  void failedManualChecksSkippedEndTheRunFailedWithOnlyTheOtherTaskMerged() throws Exception {
    Plan plan = plan(task("a", Priority.HIGH), task("b", Priority.LOW));
    Fakes fakes = new Fakes(plan);
    manualChecksFailed("run-mcf-skip", plan, fakes);

    decide("run-mcf-skip", "a", UnblockAction.SKIP);

    RunStatus end = harness.finalStatus("run-mcf-skip");
    assertSkippedAndFailed(end, "a");
    assertEquals(List.of("feature/b"), mergedIntoTarget(fakes));
  }

  // --- task failed: the task's workflow itself ended (here: cancelled by hand, as with `temporal
  // workflow cancel`; the time-skipping server does not tell a parent of a child's termination)

  private void taskWorkflowFailed(String runId, Plan plan, Fakes fakes)
      throws InterruptedException {
    fakes.needGuidance.add("a");
    blockedBy(runId, plan, fakes, config(2), "a", BlockKind.AGENT_TIERS_EXHAUSTED);
    harness.client().newUntypedWorkflowStub(BraidNames.taskWorkflowId(runId, "a")).cancel();
    TaskStatus a = taskOf(await(runId, blockedOn("a", BlockKind.TASK_FAILED)), "a");
    assertEquals(List.of(UnblockAction.RETRY, UnblockAction.SKIP), a.blocker().decisions());
    assertTrue(a.reason().startsWith("task workflow failed: "), a.reason());
    assertTrue(a.reason().contains("Child canceled"), a.reason());
    // No worktree is known to hold its work: done is refused, and the task stays blocked.
    String why = refusal(runId, "a", UnblockAction.DONE);
    assertTrue(why.contains("blocked by task-failed, which allows retry, skip, not done"), why);
    // Its workflow starts again from the first tier: a tier or a budget would be dropped silently.
    why = refusal(runId, new UnblockRequest("a", UnblockAction.RETRY, null, "strong"));
    assertTrue(why.contains("--tier and --budget do not apply"), why);
    assertEquals(TaskPhase.BLOCKED, taskOf(stub(runId).status(), "a").phase());
  }

  @Test
  void aFailedTaskWorkflowRetriedStartsAgainAndIsMerged() throws Exception {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    taskWorkflowFailed("run-tf-retry", plan, fakes);

    stub("run-tf-retry")
        .unblock(new UnblockRequest("a", UnblockAction.RETRY, "use the v2 API", null));

    RunStatus end = harness.finalStatus("run-tf-retry");
    assertDone(end, "a");
    assertEquals("use the v2 API", fakes.guidanceSeen.get("a"));
    assertEquals(2, count(fakes, "prepare a"), fakes.events.toString());
    assertEquals(List.of("feature/a"), mergedIntoTarget(fakes));
  }

  @Test
  void aFailedTaskWorkflowSkippedEndsTheRunFailedWithOnlyTheOtherTaskMerged() throws Exception {
    Plan plan = plan(task("a", Priority.HIGH), task("b", Priority.LOW));
    Fakes fakes = new Fakes(plan);
    taskWorkflowFailed("run-tf-skip", plan, fakes);

    decide("run-tf-skip", "a", UnblockAction.SKIP);

    RunStatus end = harness.finalStatus("run-tf-skip");
    assertSkippedAndFailed(end, "a");
    assertEquals(List.of("feature/b"), mergedIntoTarget(fakes));
  }

  // --- done on the kinds that keep a worktree, which BlockedKindsTest retries

  @Test
  void failedSetupDoneByHandIsCheckedInItsWorktreeAndMerged() throws Exception {
    Plan plan = plan(task("npm", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.setupFailuresLeft.put("npm", 1);
    fakes.manualChecksPass.add("npm");
    TaskStatus npm =
        taskOf(
            blockedBy("run-setup-done", plan, fakes, config(2), "npm", BlockKind.SETUP_FAILED),
            "npm");
    assertEquals(ALL, npm.blocker().decisions());

    decide("run-setup-done", "npm", UnblockAction.DONE);

    RunStatus end = harness.finalStatus("run-setup-done");
    assertDone(end, "npm");
    assertEquals("manual-npm", taskOf(end, "npm").headCommit());
    // The worktree the failed setup left is the one checked: it is not prepared again.
    assertEquals(1, count(fakes, "prepare npm"), fakes.events.toString());
    assertEquals(0, count(fakes, "start npm "), fakes.events.toString());
    assertEquals(List.of("feature/npm"), mergedIntoTarget(fakes));
  }

  @Test
  void mergeChecksThatFailedRoundAfterRoundDoneByHandAreMerged() throws Exception {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.brokenMergesLeft.put("feature/a", MergeQueue.MAX_ROUNDS + 1);
    fakes.manualChecksPass.add("a");
    TaskStatus a =
        taskOf(
            blockedBy("run-mb-done", plan, fakes, config(2), "a", BlockKind.MERGE_CHECKS_FAILED),
            "a");
    assertEquals(ALL, a.blocker().decisions());

    decide("run-mb-done", "a", UnblockAction.DONE);

    RunStatus end = harness.finalStatus("run-mb-done");
    assertDone(end, "a");
    assertEquals("manual-a", taskOf(end, "a").headCommit());
    assertTrue(fakes.events.contains("manual a"), fakes.events.toString());
    assertEquals(List.of("feature/a"), mergedIntoTarget(fakes));
  }
}
