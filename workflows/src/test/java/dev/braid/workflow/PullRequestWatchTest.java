package dev.braid.workflow;

import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static dev.braid.workflow.Plans.watching;
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
 * completes it (and only then do its dependents start), a close skips it, and past {@code
 * github.maxRounds} it waits for a human.
 */
class PullRequestWatchTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static TaskStatus taskOf(RunStatus run, String id) {
    return run.tasks().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  private static List<AttemptRequest> attemptsOf(Fakes fakes, String id) {
    return fakes.attempts.stream().filter(a -> a.taskId().equals(id)).toList();
  }

  @Test
  void checksAndReviewsGoBackToTheAgentAndTheMergeReleasesTheDependent() throws Exception {
    Plan plan = plan(task("index", Priority.HIGH), task("api", Priority.MEDIUM, "index"));
    Fakes fakes = new Fakes(plan);
    FakeGitHubFlow github = fakes.gitHubFlow;
    github.verdicts.put(
        "feature/index", new ArrayDeque<>(List.of(VerdictKind.PENDING, VerdictKind.CHECKS_FAILED)));
    github.verdicts.put(
        "feature/api", new ArrayDeque<>(List.of(VerdictKind.GREEN, VerdictKind.CHANGES_REQUESTED)));

    RunStatus run =
        harness
            .host(fakes)
            .run("run-watch", new RunRequest("/repo", plan.dir(), watching(config(2), 3)));

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    // index: pending, checks failed (a round), merged; api: green, changes requested, merged.
    List<AttemptRequest> index = attemptsOf(fakes, "index");
    assertEquals(2, index.size(), fakes.events.toString());
    assertNull(index.get(0).guidance());
    assertTrue(index.get(1).guidance().contains("## Check `ci` failure"), index.get(1).guidance());
    assertTrue(index.get(1).guidance().contains("FAILED test_x"), index.get(1).guidance());
    List<AttemptRequest> api = attemptsOf(fakes, "api");
    assertEquals(2, api.size(), fakes.events.toString());
    assertTrue(api.get(1).guidance().contains("Please rename it."), api.get(1).guidance());
    // api started only once index's pull request was merged, from the target, onto the target.
    assertEquals(3, github.looks.stream().filter("feature/index"::equals).count());
    assertTrue(
        fakes.events.indexOf("prepare api on " + fakes.host)
            > fakes.events.lastIndexOf("push feature/index on " + fakes.host),
        fakes.events.toString());
    assertEquals("main", fakes.preparedFrom.get("api"));
    assertEquals(2, github.pulls.size(), "one pull request per task: " + github.pulls);
    assertEquals("main", github.pulls.get(1).base());
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
    assertEquals(TaskPhase.SKIPPED, taskOf(run, "api").phase(), "its dependent is unreachable");
    assertTrue(attemptsOf(fakes, "api").isEmpty());
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
