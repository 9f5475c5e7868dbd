package dev.braid.workflow;

import static dev.braid.workflow.Harness.taskOf;
import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.PullRequestRequest;
import dev.braid.config.MergeMode;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import dev.braid.plan.Priority;
import dev.braid.plan.TaskState;
import io.temporal.testing.WorkflowReplayer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code merge.mode: pr}, each task gets a pull request that shows only its own changes and
 * that delivers: on the target, or stacked on its one dependency's branch.
 */
class PullRequestModeTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void eachTaskGetsAPullRequestOnTheTargetOrStackedOnItsDependency() throws Exception {
    PlanTask labelled =
        new PlanTask(
            "api",
            "Query API",
            "tasks/api.md",
            Priority.HIGH,
            List.of("index"),
            TaskState.PENDING,
            List.of("api", "backend"));
    Plan plan = plan(task("index", Priority.HIGH), labelled);
    Fakes fakes = new Fakes(plan);

    RunStatus run =
        harness
            .host(fakes)
            .run(
                "run-pr",
                new RunRequest("/repo", plan.dir(), Plans.mergeMode(config(2), MergeMode.PR)));

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    assertTrue(fakes.merges.isEmpty(), "the target does not move in pr mode");
    assertEquals(2, fakes.pullRequests.size(), "one each, opened once: " + fakes.pullRequests);
    PullRequestRequest index = fakes.pullRequests.get(0);
    assertEquals("feature/index", index.branch());
    assertEquals("main", index.base(), "no dependency: on the target");
    PullRequestRequest api = fakes.pullRequests.get(1);
    assertEquals("feature/api", api.branch());
    assertEquals("feature/index", api.base(), "stacked on its dependency's branch");
    assertTrue(fakes.publishedBranches.isEmpty(), "no base branch of braid's own");
    // Each task started from what its pull request is based on.
    assertEquals(Map.of("index", "main", "api", "feature/index"), fakes.preparedFrom);
    // index's pull request opened as index passed, not at the run's end, after api's.
    assertTrue(
        fakes.events.indexOf("pull request feature/index onto main")
            < fakes.events.indexOf("done api"),
        fakes.events.toString());
    assertEquals(List.of("api", "backend"), api.labels());
    assertEquals("/repo/.parallel/plans/tasks/api.md", api.taskFile());
    assertNull(api.title(), "the worker reads the title from the task file, out of the history");
    assertEquals("https://github.test/o/r/pull/2", taskOf(run, "api").pullRequest());
    // A worker that restarts rebuilds the run by replaying exactly this history, and the task's.
    WorkflowReplayer.replayWorkflowExecution(
        harness.client().fetchHistory("run-pr"), ExecuteWorkflowImpl.class);
    WorkflowReplayer.replayWorkflowExecution(
        harness.client().fetchHistory("run-pr/api"), TaskWorkflowImpl.class);
  }

  @Test
  void aRejectedPullRequestBlocksItsTaskUntilAHumanDecides() throws Exception {
    Plan plan = plan(task("empty", Priority.HIGH), task("fine", Priority.LOW));
    Fakes fakes = new Fakes(plan);
    fakes.rejectedPullRequests.add("feature/empty");

    RunStatus blocked =
        harness
            .host(fakes)
            .run(
                "run-pr-bad",
                new RunRequest("/repo", plan.dir(), Plans.mergeMode(config(1), MergeMode.PR)),
                s -> s.phase() == RunPhase.BLOCKED);

    TaskStatus empty = taskOf(blocked, "empty");
    assertEquals(TaskPhase.BLOCKED, empty.phase());
    assertEquals(BlockKind.PULL_REQUEST_FAILED, empty.blocker().kind());
    assertTrue(
        empty.reason().startsWith("pull request: GitHubRejected: Validation Failed"),
        empty.reason());
    ExecuteWorkflow run = harness.client().newWorkflowStub(ExecuteWorkflow.class, "run-pr-bad");
    run.unblock(new UnblockRequest("empty", UnblockAction.SKIP, null, null));

    RunStatus end = harness.finalStatus("run-pr-bad");
    assertEquals(RunPhase.FAILED, end.phase(), "a skipped task means the run failed");
    assertEquals(TaskPhase.SKIPPED, taskOf(end, "empty").phase());
    assertEquals("https://github.test/o/r/pull/1", taskOf(end, "fine").pullRequest());
  }

  @Test
  void aPullRequestOpenedOnARetryCompletesItsTaskAndTheRun() throws Exception {
    Plan plan = plan(task("flaky", Priority.HIGH));
    Fakes fakes = new Fakes(plan);
    fakes.rejectedPullRequests.add("feature/flaky");

    harness
        .host(fakes)
        .run(
            "run-pr-retry",
            new RunRequest("/repo", plan.dir(), Plans.mergeMode(config(1), MergeMode.PR)),
            s -> s.phase() == RunPhase.BLOCKED);
    fakes.rejectedPullRequests.clear();
    harness
        .client()
        .newWorkflowStub(ExecuteWorkflow.class, "run-pr-retry")
        .unblock(new UnblockRequest("flaky", UnblockAction.RETRY, null, null));

    RunStatus end = harness.finalStatus("run-pr-retry");
    assertEquals(RunPhase.DONE, end.phase(), end.toString());
    assertEquals(TaskPhase.COMPLETED, taskOf(end, "flaky").phase());
    assertEquals("https://github.test/o/r/pull/1", taskOf(end, "flaky").pullRequest());
  }
}
