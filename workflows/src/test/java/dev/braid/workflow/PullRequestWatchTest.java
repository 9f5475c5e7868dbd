package dev.braid.workflow;

import static dev.braid.workflow.Harness.taskOf;
import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static dev.braid.workflow.Plans.watching;
import static dev.braid.workflow.Plans.withoutResolver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.AttemptRequest;
import dev.braid.activity.VerdictKind;
import dev.braid.plan.Plan;
import dev.braid.plan.Priority;
import io.temporal.testing.WorkflowReplayer;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code github.watch}, a task's workflow waits for its pull request: a failed check or a
 * request for changes is a new round for its agent with GitHub's words as feedback, a merge
 * completes it, a close skips it, and past {@code github.maxRounds} it waits for a human. A task
 * with one dependency starts once that dependency's pull request waits, stacked on its branch, and
 * moves onto the target when the dependency's pull request merges.
 */
class PullRequestWatchTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static List<AttemptRequest> attemptsOf(Fakes fakes, String id) {
    return fakes.attempts.stream().filter(a -> a.taskId().equals(id)).toList();
  }

  @Test
  void checksAndReviewsGoBackToTheAgentAndAStackedDependentMovesOntoTheTarget() throws Exception {
    Plan plan = plan(task("index", Priority.HIGH), task("api", Priority.MEDIUM, "index"));
    Fakes fakes = new Fakes(plan);
    FakeGitHubFlow github = fakes.gitHubFlow;
    github.verdicts.put(
        "feature/index", new ArrayDeque<>(List.of(VerdictKind.PENDING, VerdictKind.CHECKS_FAILED)));
    github.verdicts.put("feature/api", new ArrayDeque<>(List.of(VerdictKind.CHANGES_REQUESTED)));

    RunStatus run =
        harness
            .host(fakes)
            .run("run-watch", new RunRequest("/repo", plan.dir(), watching(config(2), 3)));

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    // index: pending, checks failed (a round), merged; api: changes requested (a round), green
    // while stacked, its base merged (onto the target), merged.
    List<AttemptRequest> index = attemptsOf(fakes, "index");
    assertEquals(2, index.size(), fakes.events.toString());
    assertNull(index.get(0).guidance());
    assertTrue(index.get(1).guidance().contains("## Check `ci` failure"), index.get(1).guidance());
    assertTrue(index.get(1).guidance().contains("FAILED test_x"), index.get(1).guidance());
    List<AttemptRequest> api = attemptsOf(fakes, "api");
    assertEquals(2, api.size(), fakes.events.toString());
    assertTrue(api.get(1).guidance().contains("Please rename it."), api.get(1).guidance());
    // api started once index's pull request waited, before it merged, stacked on index's branch;
    // when index's merged, api's pull request moved onto the target, with the target merged in.
    assertEquals(3, github.looks.stream().filter("feature/index"::equals).count());
    assertTrue(
        fakes.events.indexOf("prepare api on " + fakes.host)
            > fakes.events.indexOf("push feature/index on " + fakes.host),
        fakes.events.toString());
    assertTrue(
        fakes.events.indexOf("prepare api on " + fakes.host)
            < fakes.events.lastIndexOf("push feature/index on " + fakes.host),
        "api started before index's round: " + fakes.events);
    assertEquals("feature/index", fakes.preparedFrom.get("api"));
    assertEquals(2, github.pulls.size(), "one pull request per task: " + github.pulls);
    assertEquals("feature/index", github.pulls.get(1).base());
    assertEquals(List.of("#2 onto main"), github.retargets);
    assertEquals(1, github.updates.size(), github.updates.toString());
    assertTrue(
        github.updates.get(0).startsWith("feature/api with main on "), github.updates.get(0));
    assertEquals("merge-main", taskOf(run, "api").headCommit(), "the merge braid pushed");
    assertEquals(github.issues.get("run-watch/api"), github.pulls.get(1).closesIssue());
    // The run opened none of its own: each task's workflow did, and the run knows their addresses.
    assertTrue(fakes.pullRequests.isEmpty(), fakes.pullRequests.toString());
    assertEquals("https://github.test/o/r/pull/2", taskOf(run, "api").pullRequest());
    WorkflowReplayer.replayWorkflowExecution(
        harness.client().fetchHistory("run-watch/index"), TaskWorkflowImpl.class);
    WorkflowReplayer.replayWorkflowExecution(
        harness.client().fetchHistory("run-watch"), ExecuteWorkflowImpl.class);
  }

  @Test
  void aClosedPullRequestSkipsItsTaskAndItsDependents() {
    Plan plan = plan(task("index", Priority.HIGH), task("api", Priority.MEDIUM, "index"));
    Fakes fakes = new Fakes(plan);
    fakes.gitHubFlow.verdicts.put(
        "feature/index", new ArrayDeque<>(List.of(VerdictKind.GREEN, VerdictKind.CLOSED)));

    RunStatus run =
        harness
            .host(fakes)
            .run("run-closed", new RunRequest("/repo", plan.dir(), watching(config(2), 3)));

    assertEquals(RunPhase.FAILED, run.phase(), run.toString());
    assertEquals(TaskPhase.SKIPPED, taskOf(run, "index").phase());
    assertTrue(
        taskOf(run, "index").reason().contains("#1 was closed without merging"),
        taskOf(run, "index").toString());
    // api had started, stacked on index's branch; its work cannot land now.
    TaskStatus api = taskOf(run, "api");
    assertEquals(TaskPhase.SKIPPED, api.phase(), api.toString());
    assertTrue(api.reason().contains("feature/index"), api.reason());
    assertTrue(api.reason().contains("closed without merging"), api.reason());
    assertEquals(List.of(), fakes.gitHubFlow.retargets);
  }

  @Test
  void aConflictWithTheTargetWaitsForAHumanWhoseRetryTriesAgain() throws Exception {
    Plan plan = plan(task("index", Priority.HIGH), task("api", Priority.MEDIUM, "index"));
    Fakes fakes = new Fakes(plan);
    FakeGitHubFlow github = fakes.gitHubFlow;
    github.verdicts.put("feature/index", new ArrayDeque<>(List.of(VerdictKind.GREEN)));
    github.conflictOnce.add("feature/api");

    RunStatus blocked =
        harness
            .host(fakes)
            .run(
                "run-restack",
                new RunRequest("/repo", plan.dir(), watching(withoutResolver(config(2)), 3, 1)),
                s -> s.tasks().stream().anyMatch(t -> t.phase() == TaskPhase.BLOCKED));

    TaskStatus api = taskOf(blocked, "api");
    assertEquals(BlockKind.MERGE_CONFLICT, api.blocker().kind(), api.toString());
    assertTrue(api.blocker().reason().contains("origin/main"), api.blocker().reason());
    assertTrue(api.blocker().reason().contains("a.txt"), api.blocker().reason());

    harness
        .client()
        .newWorkflowStub(ExecuteWorkflow.class, "run-restack")
        .unblock(new UnblockRequest("api", UnblockAction.RETRY, null, null));
    RunStatus run = harness.finalStatus("run-restack");

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    assertEquals(2, github.updates.size(), "the conflicted update, then the retry's");
    assertEquals(1, attemptsOf(fakes, "api").size(), "no agent ran for the merge");
    assertEquals("merge-main", taskOf(run, "api").headCommit());
    WorkflowReplayer.replayWorkflowExecution(
        harness.client().fetchHistory("run-restack/api"), TaskWorkflowImpl.class);
  }

  @Test
  void aPullRequestGitHubRefusedWaitsInItsTaskForAHumanWhoseRetryOpensItAgain() throws Exception {
    Plan plan = plan(task("index", Priority.HIGH));
    Fakes fakes = new Fakes(plan);
    FakeGitHubFlow github = fakes.gitHubFlow;
    github.verdicts.put("feature/index", new ArrayDeque<>(List.of(VerdictKind.GREEN)));
    github.refuseOpenOnce.add("feature/index");

    RunStatus blocked =
        harness
            .host(fakes)
            .run(
                "run-pr-refused",
                new RunRequest("/repo", plan.dir(), watching(config(1), 3, 1)),
                s -> s.tasks().stream().anyMatch(t -> t.phase() == TaskPhase.BLOCKED));

    TaskStatus index = taskOf(blocked, "index");
    assertEquals(BlockKind.PULL_REQUEST_FAILED, index.blocker().kind(), index.toString());
    assertTrue(index.blocker().reason().contains("Validation Failed"), index.blocker().reason());

    harness
        .client()
        .newWorkflowStub(ExecuteWorkflow.class, "run-pr-refused")
        .unblock(new UnblockRequest("index", UnblockAction.RETRY, null, null));
    RunStatus run = harness.finalStatus("run-pr-refused");

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    assertEquals(1, github.pulls.size(), "opened once, on the retry");
    assertEquals(TaskPhase.COMPLETED, taskOf(run, "index").phase());
    WorkflowReplayer.replayWorkflowExecution(
        harness.client().fetchHistory("run-pr-refused"), ExecuteWorkflowImpl.class);
  }

  @Test
  void aConflictWithTheTargetGoesToTheResolver() {
    Plan plan = plan(task("index", Priority.HIGH), task("api", Priority.MEDIUM, "index"));
    Fakes fakes = new Fakes(plan);
    FakeGitHubFlow github = fakes.gitHubFlow;
    github.verdicts.put("feature/index", new ArrayDeque<>(List.of(VerdictKind.GREEN)));
    github.conflictOnce.add("feature/api");

    RunStatus run =
        harness
            .host(fakes)
            .run("run-resolve", new RunRequest("/repo", plan.dir(), watching(config(2), 3, 1)));

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    TaskStatus api = taskOf(run, "api");
    assertEquals(List.of("fast", "resolver"), api.tiers(), api.toString());
    String resolverPrompt = attemptsOf(fakes, "api").get(1).guidance();
    assertTrue(resolverPrompt.contains("origin/main"), resolverPrompt);
    assertTrue(resolverPrompt.contains("a.txt"), resolverPrompt);
    // The resolved merge was pushed; the next look found the target in and left it stacked no more.
    assertEquals(2, github.updates.size(), github.updates.toString());
    assertEquals("merge-main", api.headCommit());
  }

  @Test
  void pastItsRoundsATaskWaitsForAHumanWhoseRetryGrantsMore() throws Exception {
    Plan plan = plan(task("index", Priority.HIGH));
    Fakes fakes = new Fakes(plan);
    fakes.gitHubFlow.verdicts.put(
        "feature/index",
        new ArrayDeque<>(List.of(VerdictKind.CHECKS_FAILED, VerdictKind.CHECKS_FAILED)));

    RunStatus blocked =
        harness
            .host(fakes)
            .run(
                "run-rounds",
                // Looks every second: this run is watched in real time, not skipped through.
                new RunRequest("/repo", plan.dir(), watching(config(1), 1, 1)),
                s -> s.phase() == RunPhase.BLOCKED);

    TaskStatus index = taskOf(blocked, "index");
    assertEquals(BlockKind.REVIEW_ROUNDS, index.blocker().kind(), index.toString());
    assertTrue(
        index.blocker().reason().contains("checks failed again after 1 round"), index.toString());
    assertEquals(2, attemptsOf(fakes, "index").size(), "the first go and one round");

    harness
        .client()
        .newWorkflowStub(ExecuteWorkflow.class, "run-rounds")
        .unblock(new UnblockRequest("index", UnblockAction.RETRY, null, null));
    RunStatus run = harness.finalStatus("run-rounds");

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    assertEquals(3, attemptsOf(fakes, "index").size(), "the human's retry was one more round");
    String guidance = attemptsOf(fakes, "index").get(2).guidance();
    assertTrue(guidance.contains("FAILED test_x"), "GitHub's last words, still: " + guidance);
  }
}
