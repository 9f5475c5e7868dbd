package dev.braid.workflow;

import static dev.braid.workflow.Harness.taskOf;
import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.VerdictKind;
import dev.braid.config.BraidConfig;
import dev.braid.config.MergeMode;
import dev.braid.plan.Plan;
import dev.braid.plan.Priority;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each blocked kind, decided every way its {@link BlockKind#decisions()} allow, to the run's end:
 * the final phases say what happened, and only the work that reached the target is merged. A
 * decision a kind does not allow is refused. {@link #everyKindDecidedEveryWayItAllows} runs every
 * (kind, decision) pair that {@link BlockKind} lists, so a new kind or decision fails here until it
 * has a {@link Scenario}; the named tests look closer at some pairs.
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

    RunStatus end = harness.failedRun("run-mc-skip");
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

    RunStatus end = harness.failedRun("run-push-skip");
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

    RunStatus end = harness.failedRun("run-mcf-skip");
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

    RunStatus end = harness.failedRun("run-tf-skip");
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

  // --- found while writing the matrix: the pr-mode summary after done on a failed pull request

  @Test
  void aPullRequestNeverOpenedAndDoneByHandIsNotReportedAsOpened() throws Exception {
    Plan plan = plan(task("a", Priority.HIGH), task("b", Priority.LOW));
    Fakes fakes = new Fakes(plan);
    fakes.rejectedPullRequests.add(A);
    blockedBy(
        "run-prf-done",
        plan,
        fakes,
        Plans.mergeMode(config(2), MergeMode.PR),
        "a",
        BlockKind.PULL_REQUEST_FAILED);

    decide("run-prf-done", "a", UnblockAction.DONE);

    RunStatus end = harness.finalStatus("run-prf-done");
    assertEquals(RunPhase.DONE, end.phase(), end.toString());
    assertNull(taskOf(end, "a").pullRequest(), end.toString());
    assertTrue(
        end.message().endsWith("one pull request each, except a (accepted by hand without one)"),
        end.message());
  }

  // --- every kind, every decision it allows: task a blocks, task b is fine

  /** Every (kind, decision) pair that {@link BlockKind} lists; waits have none. */
  static Stream<Arguments> everyDecision() {
    return Arrays.stream(BlockKind.values())
        .filter(kind -> !kind.isWait())
        .flatMap(kind -> kind.decisions().stream().map(action -> Arguments.of(kind, action)));
  }

  /** Where the run delivers finished work. */
  private enum Delivery {
    /** Merged into main by the run (merge mode direct). */
    TARGET,
    /** Integrated, then one pull request each, opened by the run (merge mode pr). */
    PULL_REQUEST,
    /** One pull request each, watched by its task until GitHub merges it (github.watch). */
    WATCHED
  }

  /** What the task's branch is. */
  private static final String A = "feature/a";

  /** Steps a run takes from its first block to the one under test. */
  @FunctionalInterface
  private interface Step {
    void take(String runId, Fakes fakes) throws InterruptedException;
  }

  /**
   * How task {@code a} is blocked by one kind while task {@code b} completes.
   *
   * @param plan the run's plan, with tasks a and b
   * @param config the run's config; merges one task a step, so that b's merge never hides a's
   * @param delivery where finished work goes
   * @param arrange sets the fakes up so that a blocks
   * @param first the kind a blocks by first, when the kind under test follows a decision on it
   * @param then what turns the first block into the one under test
   * @param fix what a retry needs to succeed, as a human would fix it before retrying
   * @param retryBudget the budget a retry raises, for the budget kinds
   */
  private record Scenario(
      Plan plan,
      BraidConfig config,
      Delivery delivery,
      Consumer<Fakes> arrange,
      BlockKind first,
      Step then,
      Consumer<Fakes> fix,
      Double retryBudget) {

    Scenario(Plan plan, BraidConfig config, Delivery delivery, Consumer<Fakes> arrange) {
      this(plan, config, delivery, arrange, null, null, fakes -> {}, null);
    }

    Scenario fixedBy(Consumer<Fakes> how) {
      return new Scenario(plan, config, delivery, arrange, first, then, how, retryBudget);
    }

    Scenario after(BlockKind firstKind, Step step) {
      return new Scenario(plan, config, delivery, arrange, firstKind, step, fix, retryBudget);
    }

    Scenario retriedWithBudget(double usd) {
      return new Scenario(plan, config, delivery, arrange, first, then, fix, usd);
    }
  }

  private static final Plan A_THEN_B = plan(task("a", Priority.HIGH), task("b", Priority.LOW));

  private static BraidConfig direct() {
    return Plans.batch(config(2), 1);
  }

  /** How each kind is provoked; a new kind does not compile here until it has a scenario. */
  private Scenario scenario(BlockKind kind) {
    return switch (kind) {
      case AGENT_TIERS_EXHAUSTED ->
          new Scenario(A_THEN_B, direct(), Delivery.TARGET, f -> f.alwaysFail.add("a"))
              .fixedBy(f -> f.alwaysFail.remove("a"));
      case SETUP_FAILED ->
          new Scenario(A_THEN_B, direct(), Delivery.TARGET, f -> f.setupFailuresLeft.put("a", 1));
      case WORKTREE_FAILED ->
          new Scenario(A_THEN_B, direct(), Delivery.TARGET, f -> f.worktreeInTheWay.add("a"))
              .fixedBy(f -> f.worktreeInTheWay.remove("a"));
      case MANUAL_CHECKS_FAILED ->
          new Scenario(A_THEN_B, direct(), Delivery.TARGET, f -> f.alwaysFail.add("a"))
              .after(
                  BlockKind.AGENT_TIERS_EXHAUSTED,
                  (runId, f) -> decide(runId, "a", UnblockAction.DONE))
              .fixedBy(f -> f.alwaysFail.remove("a"));
      case MERGE_CONFLICT ->
          new Scenario(
              A_THEN_B,
              Plans.withoutResolver(direct()),
              Delivery.TARGET,
              f -> {
                f.conflictsLeft.put(A, 1);
                f.syncConflicts.add("a");
              });
      case MERGE_CHECKS_FAILED ->
          new Scenario(
              A_THEN_B,
              direct(),
              Delivery.TARGET,
              f -> f.brokenMergesLeft.put(A, MergeQueue.MAX_ROUNDS + 1));
      case INTEGRATE_FAILED ->
          new Scenario(A_THEN_B, direct(), Delivery.TARGET, f -> f.integrateFailuresLeft.put(A, 1));
      case PUSH_FAILED ->
          new Scenario(A_THEN_B, direct(), Delivery.TARGET, f -> f.pushRejectionsLeft.put(A, 1));
      case PULL_REQUEST_FAILED ->
          new Scenario(
                  A_THEN_B,
                  Plans.mergeMode(direct(), MergeMode.PR),
                  Delivery.PULL_REQUEST,
                  f -> f.rejectedPullRequests.add(A))
              .fixedBy(f -> f.rejectedPullRequests.remove(A));
      case REVIEW_ROUNDS ->
          new Scenario(
              A_THEN_B,
              // One round; looks every second, as PullRequestWatchTest's rounds do.
              Plans.watching(direct(), 1, 1),
              Delivery.WATCHED,
              f ->
                  f.gitHubFlow.verdicts.put(
                      A,
                      new ArrayDeque<>(
                          List.of(VerdictKind.CHECKS_FAILED, VerdictKind.CHECKS_FAILED))));
      case TASK_FAILED ->
          new Scenario(A_THEN_B, direct(), Delivery.TARGET, f -> f.needGuidance.add("a"))
              .after(
                  BlockKind.AGENT_TIERS_EXHAUSTED,
                  (runId, f) ->
                      harness
                          .client()
                          .newUntypedWorkflowStub(BraidNames.taskWorkflowId(runId, "a"))
                          .cancel())
              .fixedBy(f -> f.needGuidance.remove("a"));
      case BUDGET ->
          new Scenario(
                  A_THEN_B,
                  Plans.budget(direct(), 2.00, null),
                  Delivery.TARGET,
                  f -> {
                    f.costPerAttempt.put("a", 1.50);
                    f.failuresLeft.put("a", 2);
                    f.costPerAttempt.put("b", 0.10);
                  })
              .retriedWithBudget(10.0);
      case RUN_BUDGET ->
          // b goes first and spends the run's budget; a is held back before it starts.
          new Scenario(
                  plan(task("b", Priority.HIGH), task("a", Priority.LOW)),
                  Plans.budget(Plans.batch(config(1), 1), null, 1.00),
                  Delivery.TARGET,
                  f -> {
                    f.costPerAttempt.put("b", 1.20);
                    f.costPerAttempt.put("a", 0.10);
                  })
              .retriedWithBudget(5.0);
      case RATE_LIMIT, PULL_REQUEST_REVIEW ->
          throw new AssertionError(kind.label() + " is a wait, which nobody decides");
    };
  }

  @ParameterizedTest(name = "{0} + {1}")
  @MethodSource("everyDecision")
  void everyKindDecidedEveryWayItAllows(BlockKind kind, UnblockAction action) throws Exception {
    Scenario scenario = scenario(kind);
    Fakes fakes = new Fakes(scenario.plan());
    scenario.arrange().accept(fakes);
    String runId = "run-" + kind.label() + "-" + action.label();

    RunStatus blocked;
    if (scenario.first() == null) {
      blocked = blockedBy(runId, scenario.plan(), fakes, scenario.config(), "a", kind);
    } else {
      blockedBy(runId, scenario.plan(), fakes, scenario.config(), "a", scenario.first());
      scenario.then().take(runId, fakes);
      blocked = await(runId, blockedOn("a", kind));
    }
    assertEquals(kind.decisions(), taskOf(blocked, "a").blocker().decisions());
    // What the kind does not allow is refused, and leaves the task blocked.
    for (UnblockAction refused : UnblockAction.values()) {
      if (!kind.decisions().contains(refused)) {
        String why = refusal(runId, "a", refused);
        assertTrue(why.contains("blocked by " + kind.label() + ", which allows"), why);
        assertEquals(TaskPhase.BLOCKED, taskOf(stub(runId).status(), "a").phase());
      }
    }

    switch (action) {
      case RETRY -> {
        scenario.fix().accept(fakes);
        stub(runId).unblock(new UnblockRequest("a", action, null, null, scenario.retryBudget()));
      }
      case DONE -> {
        fakes.manualChecksPass.add("a");
        decide(runId, "a", action);
      }
      case SKIP -> decide(runId, "a", action);
    }

    if (action == UnblockAction.SKIP) {
      assertSkipped(harness.failedRun(runId), fakes, scenario.delivery());
    } else {
      RunStatus end = harness.finalStatus(runId);
      assertDelivered(end, fakes, scenario.delivery());
      if (scenario.delivery() == Delivery.PULL_REQUEST) {
        // A retry opens a's pull request; done accepts a without one.
        TaskStatus a = taskOf(end, "a");
        if (action == UnblockAction.RETRY) {
          assertNotNull(a.pullRequest(), a.toString());
        } else {
          assertNull(a.pullRequest(), a.toString());
        }
      }
      if (action == UnblockAction.DONE && !kind.decidedByRun()) {
        // The human's work, checked in a's worktree, is what was delivered.
        assertEquals("manual-a", taskOf(end, "a").headCommit(), end.toString());
        assertTrue(fakes.events.contains("manual a"), fakes.events.toString());
      }
    }
  }

  /** The run is done, both tasks completed, and a's work went where the run delivers. */
  private static void assertDelivered(RunStatus end, Fakes fakes, Delivery delivery) {
    assertEquals(RunPhase.DONE, end.phase(), end.toString());
    for (String id : List.of("a", "b")) {
      assertEquals(TaskPhase.COMPLETED, taskOf(end, id).phase(), end.toString());
    }
    switch (delivery) {
      case TARGET -> {
        assertTrue(
            end.message().startsWith("all tasks completed and merged into main"), end.message());
        assertEquals(
            Set.of(A, "feature/b"), Set.copyOf(mergedIntoTarget(fakes)), fakes.merges.toString());
      }
      case PULL_REQUEST -> {
        assertTrue(end.message().startsWith("all tasks completed; "), end.message());
        assertTrue(fakes.merges.isEmpty(), "the target does not move in pr mode");
        assertTrue(fakes.events.contains("integrate " + A), fakes.events.toString());
      }
      case WATCHED -> {
        assertTrue(end.message().startsWith("all tasks completed; "), end.message());
        assertTrue(fakes.gitHubFlow.merged.contains(A), fakes.gitHubFlow.merged.toString());
        assertNotNull(taskOf(end, "a").pullRequest(), end.toString());
      }
    }
  }

  /** The run failed naming a as skipped; b's work arrived, a's did not. */
  private static void assertSkipped(RunStatus end, Fakes fakes, Delivery delivery) {
    assertEquals(RunPhase.FAILED, end.phase(), end.toString());
    TaskStatus a = taskOf(end, "a");
    assertEquals(TaskPhase.SKIPPED, a.phase(), end.toString());
    assertTrue(a.reason().startsWith("skipped by a human"), a.reason());
    assertTrue(end.message().contains("a skipped"), end.message());
    assertEquals(TaskPhase.COMPLETED, taskOf(end, "b").phase(), end.toString());
    switch (delivery) {
      case TARGET -> {
        assertTrue(end.message().contains("the other tasks were merged into main"), end.message());
        assertEquals(List.of("feature/b"), mergedIntoTarget(fakes));
        assertTrue(
            fakes.merges.stream().noneMatch(m -> m.branches().contains(A)),
            fakes.merges.toString());
      }
      case PULL_REQUEST -> {
        assertTrue(fakes.merges.isEmpty(), "the target does not move in pr mode");
        assertNull(a.pullRequest(), a.toString());
        assertNotNull(taskOf(end, "b").pullRequest(), end.toString());
      }
      case WATCHED -> {
        assertFalse(fakes.gitHubFlow.merged.contains(A), fakes.gitHubFlow.merged.toString());
        assertTrue(fakes.gitHubFlow.merged.contains("feature/b"), fakes.gitHubFlow.toString());
      }
    }
  }
}
