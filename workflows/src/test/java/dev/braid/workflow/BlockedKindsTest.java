package dev.braid.workflow;

import static dev.braid.workflow.Harness.taskOf;
import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.plan.Plan;
import dev.braid.plan.Priority;
import io.temporal.client.WorkflowUpdateException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every way a task can get stuck leaves it blocked with a kind, and every kind can be decided: the
 * task's workflow waits for the decision instead of ending, and the run ends telling the truth.
 */
class BlockedKindsTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  private RunStatus blockedRun(String runId, Plan plan, Fakes fakes) throws Exception {
    return harness
        .host(fakes)
        .run(
            runId,
            new RunRequest("/repo", plan.dir(), config(2)),
            s -> s.phase() == RunPhase.BLOCKED);
  }

  private ExecuteWorkflow stub(String runId) {
    return harness.client().newWorkflowStub(ExecuteWorkflow.class, runId);
  }

  @Test
  void failedSetupBlocksWithItsOutputAndRetryRunsItAgain() throws Exception {
    Plan plan = plan(task("npm", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.setupFailuresLeft.put("npm", 1);

    TaskStatus npm = taskOf(blockedRun("run-setup", plan, fakes), "npm");

    assertEquals(BlockKind.SETUP_FAILED, npm.blocker().kind());
    assertTrue(npm.reason().startsWith("setup: SetupFailed: Setup of task npm"), npm.reason());
    assertTrue(npm.reason().contains("npm ERR! missing"), npm.reason());
    // Kept per Temporal run: the first execution's run id names the folder.
    assertTrue(
        npm.blocker().log().matches("/repo/\\.parallel/logs/run-setup/[0-9a-f-]{36}/npm"),
        npm.blocker().log());
    assertEquals(
        List.of(UnblockAction.RETRY, UnblockAction.SKIP, UnblockAction.DONE),
        npm.blocker().decisions());
    // What the Web UI and a client with no worker read: the memos and the search attribute.
    var task = harness.client().newUntypedWorkflowStub("run-setup/npm").describe();
    TaskProgress memo = (TaskProgress) task.getMemo(BraidNames.MEMO_TASK, TaskProgress.class);
    assertEquals(BlockKind.SETUP_FAILED, memo.blocker().kind());
    assertEquals(
        "blocked:setup-failed",
        task.getTypedSearchAttributes()
            .get(io.temporal.common.SearchAttributeKey.forKeyword(BraidNames.SA_TASK_STATE)));
    var run = harness.client().newUntypedWorkflowStub("run-setup").describe();
    RunDigest digest = (RunDigest) run.getMemo(BraidNames.MEMO_RUN, RunDigest.class);
    assertEquals(RunPhase.BLOCKED, digest.phase());
    assertEquals(1, digest.blocked());

    stub("run-setup").unblock(new UnblockRequest("npm", UnblockAction.RETRY, null, null));

    RunStatus end = harness.finalStatus("run-setup");
    assertEquals(RunPhase.DONE, end.phase(), end.toString());
    assertEquals(TaskPhase.COMPLETED, taskOf(end, "npm").phase());
    assertEquals(
        2, fakes.events.stream().filter(e -> e.equals("prepare npm on braid@test-host")).count());
  }

  @Test
  void aWorktreeInTheWayCannotBeDoneByHandButCanBeSkippedAndTheRunFails() throws Exception {
    Plan plan = plan(task("occupied", Priority.HIGH), task("fine", Priority.LOW));
    Fakes fakes = new Fakes(plan);
    fakes.worktreeInTheWay.add("occupied");

    TaskStatus occupied = taskOf(blockedRun("run-wt", plan, fakes), "occupied");
    assertEquals(BlockKind.WORKTREE_FAILED, occupied.blocker().kind());
    assertTrue(occupied.reason().contains("exists and is not a worktree"), occupied.reason());

    WorkflowUpdateException refused =
        assertThrows(
            WorkflowUpdateException.class,
            () ->
                stub("run-wt")
                    .unblock(new UnblockRequest("occupied", UnblockAction.DONE, null, null)));
    String why = refused.getCause().getMessage();
    assertTrue(why.contains("blocked by worktree-failed, which allows retry, skip, not done"), why);

    stub("run-wt").unblock(new UnblockRequest("occupied", UnblockAction.SKIP, null, null));

    RunStatus end = harness.finalStatus("run-wt");
    assertEquals(RunPhase.FAILED, end.phase());
    assertEquals(TaskPhase.SKIPPED, taskOf(end, "occupied").phase());
    assertEquals(TaskPhase.COMPLETED, taskOf(end, "fine").phase());
    assertTrue(end.message().contains("occupied skipped"), end.message());
    assertTrue(end.message().contains("the other tasks were merged into main"), end.message());
  }

  @Test
  void aTaskTheMergeGaveUpOnWaitsInItsWorktreeAndRetryWithGuidanceMergesIt() throws Exception {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.brokenMergesLeft.put("feature/a", MergeQueue.MAX_ROUNDS + 1);

    TaskStatus a = taskOf(blockedRun("run-mb", plan, fakes), "a");
    assertEquals(BlockKind.MERGE_CHECKS_FAILED, a.blocker().kind());
    assertTrue(a.reason().contains("made the checks fail, 3 rounds in a row"), a.reason());

    stub("run-mb")
        .unblock(new UnblockRequest("a", UnblockAction.RETRY, "mind the shared total", null));

    RunStatus end = harness.finalStatus("run-mb");
    assertEquals(RunPhase.DONE, end.phase(), end.toString());
    // The agent got the merge's failure first, then the human's guidance.
    String guidance = fakes.guidanceSeen.get("a");
    assertTrue(guidance.startsWith("Merging this task's branch into braid/run-mb"), guidance);
    assertTrue(guidance.endsWith("A human adds:\nmind the shared total"), guidance);
    assertEquals("all tasks completed and merged into main", end.message());
  }

  @Test
  void aFailedMergeStepBlocksAndRetryOffersTheSameWorkAgain() throws Exception {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.integrateFailuresLeft.put("feature/a", 1);

    TaskStatus a = taskOf(blockedRun("run-if", plan, fakes), "a");
    assertEquals(BlockKind.INTEGRATE_FAILED, a.blocker().kind());

    stub("run-if").unblock(new UnblockRequest("a", UnblockAction.RETRY, null, null));

    RunStatus end = harness.finalStatus("run-if");
    assertEquals(RunPhase.DONE, end.phase(), end.toString());
    // No agent ran again: the work was fine, the merge step failed.
    assertEquals(1, fakes.events.stream().filter(e -> e.startsWith("start a ")).count());
  }

  @Test
  void aRunWhoseFinalChecksFailEndsFailedAndTheNextRunMergesWhatIsMissing() {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.finalChecksFail = true;

    RunStatus first =
        harness.host(fakes).run("run-fc", new RunRequest("/repo", plan.dir(), config(1)));
    assertEquals(RunPhase.FAILED, first.phase());
    assertTrue(first.message().startsWith("checks failed on the merged result"), first.message());

    // The task file now says completed, but its branch never reached the target.
    fakes.plan = plan(Plans.completed("a"));
    fakes.notOnTarget.add("feature/a");
    fakes.finalChecksFail = false;
    RunStatus second = harness.rerun("run-fc", new RunRequest("/repo", plan.dir(), config(1)));

    assertEquals(RunPhase.DONE, second.phase(), second.toString());
    assertEquals(List.of("feature/a"), fakes.merges.get(fakes.merges.size() - 1).branches());
    assertEquals("all tasks completed and merged into main", second.message());
  }

  @Test
  void aTaskWhoseHostVanishedIsPreparedAgainOnAHostThatAnswersWithoutCountingAnAttempt() {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    // The first prepare names a host whose worker is gone for good: nobody polls its queue.
    fakes.preparedOnQueue.put("a", "braid@gone");

    RunStatus end =
        harness
            .host(fakes)
            .run("run-lost", new RunRequest("/repo", plan.dir(), Plans.hostWait(config(1), 1)));

    assertEquals(RunPhase.DONE, end.phase(), end.toString());
    assertEquals(2, fakes.events.stream().filter(e -> e.startsWith("prepare a")).count());
    TaskStatus a = taskOf(end, "a");
    assertEquals(1, a.attempts(), "the attempt that never started is not counted");
    assertEquals(List.of("fast"), a.tiers());
  }

  @Test
  void anAgentThatCannotFixWhatItsMergeBrokeBlocksAsItsOwnFailureNotAsAConflict() throws Exception {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.brokenMergesLeft.put("feature/a", 1);
    fakes.failWithFeedback.add("a");

    TaskStatus a = taskOf(blockedRun("run-own", plan, fakes), "a");

    assertEquals(BlockKind.AGENT_TIERS_EXHAUSTED, a.blocker().kind(), a.toString());
    assertTrue(a.reason().endsWith("tier: ChecksFailed: checks failed"), a.reason());
  }

  @Test
  void aConflictNobodyResolvedBlocksAsAMergeConflict() throws Exception {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.conflictsLeft.put("feature/a", 1);
    fakes.syncConflicts.add("a");

    RunStatus blocked =
        harness
            .host(fakes)
            .run(
                "run-conflict",
                new RunRequest("/repo", plan.dir(), Plans.withoutResolver(config(2))),
                s -> s.phase() == RunPhase.BLOCKED);

    TaskStatus a = taskOf(blocked, "a");
    assertEquals(BlockKind.MERGE_CONFLICT, a.blocker().kind(), a.toString());
    assertTrue(a.reason().contains("src/shared.py"), a.reason());
  }

  @Test
  @org.junit.jupiter.api.Timeout(60) // a task that blocks on its own file's status never ends
  void aTaskWhoseFileCannotBeWrittenStillCompletesSinceTheFileIsOnlyAMirror() {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.unwritableFiles.add("a");

    RunStatus end =
        harness.host(fakes).run("run-mirror", new RunRequest("/repo", plan.dir(), config(1)));

    assertEquals(RunPhase.DONE, end.phase(), end.toString());
    assertTrue(fakes.events.contains("status a refused"), fakes.events.toString());
  }
}
