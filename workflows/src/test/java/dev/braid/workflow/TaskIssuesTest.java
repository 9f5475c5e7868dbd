package dev.braid.workflow;

import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.PullRequestSpec;
import dev.braid.plan.Plan;
import dev.braid.plan.Priority;
import io.temporal.testing.WorkflowReplayer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code github.issues: true}: each task gets an issue when the run starts, its pull request closes
 * it, and the issue hears when the task blocks and when it is done; a rerun finds the same issues.
 */
class TaskIssuesTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void eachTaskGetsAnIssueItsPullRequestClosesAndACommentWhenItBlocksAndWhenItIsDone()
      throws Exception {
    Plan plan = plan(task("index", Priority.HIGH), task("api", Priority.LOW, "index"));
    Fakes fakes = new Fakes(plan);
    // api fails every attempt first: it blocks, and a human's retry lets it through.
    fakes.failuresLeft.put("api", 3);
    RunRequest request = new RunRequest("/repo", plan.dir(), Plans.withIssues(config(2)));

    RunStatus blocked =
        harness.host(fakes).run("run-issues", request, s -> s.phase() == RunPhase.BLOCKED);
    harness
        .client()
        .newWorkflowStub(ExecuteWorkflow.class, "run-issues")
        .unblock(new UnblockRequest("api", UnblockAction.RETRY, null, null));
    RunStatus run = harness.finalStatus("run-issues");

    assertEquals(RunPhase.BLOCKED, blocked.phase());
    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    FakeGitHubFlow github = fakes.gitHubFlow;
    // The two issues open at once, so which gets which number is GitHub's business.
    assertEquals(java.util.Set.of("run-issues/index", "run-issues/api"), github.issues.keySet());
    int index = github.issues.get("run-issues/index");
    int api = github.issues.get("run-issues/api");
    Map<String, Integer> closes =
        github.pulls.stream()
            .collect(Collectors.toMap(PullRequestSpec::branch, PullRequestSpec::closesIssue));
    assertEquals(Map.of("feature/index", index, "feature/api", api), closes);
    assertTrue(
        github.comments.get("run-issues/api/blocked/1").startsWith("#" + api + " braid: this task"),
        github.comments.toString());
    assertTrue(
        github.comments.containsKey("run-issues/api/completed/1"), github.comments.toString());
    assertTrue(
        github.comments.containsKey("run-issues/index/completed/1"), github.comments.toString());
    assertEquals(3, github.comments.size(), "one comment per change: " + github.comments);
    // A worker that restarts rebuilds the run by replaying exactly this history.
    WorkflowReplayer.replayWorkflowExecution(
        harness.client().fetchHistory("run-issues"), ExecuteWorkflowImpl.class);
    assertEquals(
        "https://github.test/o/r/pull/" + (github.pulls.indexOf(specOf(github, "feature/api")) + 1),
        run.tasks().stream()
            .filter(t -> t.id().equals("api"))
            .findFirst()
            .orElseThrow()
            .pullRequest());
  }

  @Test
  void withoutTheSettingNoIssueIsOpenedAndThePullRequestsGoTheOldWay() {
    Plan plan = plan(task("only", Priority.HIGH));
    Fakes fakes = new Fakes(plan);

    RunStatus run =
        harness
            .host(fakes)
            .run(
                "run-no-issues",
                new RunRequest(
                    "/repo",
                    plan.dir(),
                    Plans.mergeMode(config(1), dev.braid.config.MergeMode.PR)));

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    assertEquals(Map.of(), fakes.gitHubFlow.issues);
    assertEquals(List.of(), fakes.gitHubFlow.pulls);
    assertEquals(1, fakes.pullRequests.size());
  }

  private static PullRequestSpec specOf(FakeGitHubFlow github, String branch) {
    return github.pulls.stream().filter(p -> p.branch().equals(branch)).findFirst().orElseThrow();
  }
}
