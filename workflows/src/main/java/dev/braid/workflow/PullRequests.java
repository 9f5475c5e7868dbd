package dev.braid.workflow;

import dev.braid.activity.GitActivities;
import dev.braid.activity.PublishBranchRequest;
import dev.braid.activity.PullRequestActivities;
import dev.braid.activity.PullRequestRequest;
import dev.braid.config.MergeSettings;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.nio.file.Path;
import java.util.List;

/**
 * One pull request per task, in merge order. Each one's base is a branch at the commit the task
 * started from, so the pull request shows that task's changes and nothing else; a dependent's base
 * holds its dependencies' work, which makes the pull requests a stack.
 *
 * <p>A pull request that cannot be opened blocks its task with {@link
 * BlockKind#PULL_REQUEST_FAILED}; the task's workflow is over, so the run waits here for the
 * decision: retry opens it again, done accepts the task without it, skip gives it up.
 */
final class PullRequests {
  private final String runId;
  private final RunLogs logs;
  private final RunRequest request;
  private final Plan plan;
  private final RunBoard board;
  private final GitActivities git;
  private final UnblockDesk desk;
  private final RunIssues issues;
  private final Runnable waiting;

  /**
   * @param desk where decisions arrive, or null in runs recorded before blockers existed, whose
   *     failed pull request only marked the task blocked
   * @param issues the tasks' issues, which their pull requests close
   * @param waiting called when the run waits for a decision, to say so
   */
  PullRequests(
      RunLogs logs,
      RunRequest request,
      Plan plan,
      RunBoard board,
      GitActivities git,
      UnblockDesk desk,
      RunIssues issues,
      Runnable waiting) {
    this.runId = logs.runId();
    this.logs = logs;
    this.request = request;
    this.plan = plan;
    this.board = board;
    this.git = git;
    this.desk = desk;
    this.issues = issues;
    this.waiting = waiting;
  }

  void open(List<TaskOutcome> merged) {
    MergeSettings settings = request.config().merge();
    PullRequestActivities github =
        Workflow.newActivityStub(PullRequestActivities.class, BraidActivityOptions.pullRequest());
    for (TaskOutcome done : merged) {
      PlanTask task = plan.task(done.taskId()).orElseThrow();
      String base = settings.target();
      if (done.baseCommit() != null) {
        base = BraidNames.integrationBranch(runId) + "-base/" + task.id();
        git.publishBranch(
            new PublishBranchRequest(request.repo(), settings.remote(), base, done.baseCommit()));
      }
      PullRequestRequest pr =
          new PullRequestRequest(
              request.repo(),
              settings.remote(),
              done.branch(),
              base,
              null,
              null,
              task.labels(),
              settings.repository(),
              settings.apiUrl(),
              Path.of(request.planDir()).resolve(task.file()).toString());
      while (!openOne(github, task, pr)) {
        UnblockDesk.RunDecision decision = awaitDecision(task.id());
        if (decision == null) {
          break;
        }
        long now = Workflow.currentTimeMillis();
        UnblockAction action = decision.request().action();
        if (action == UnblockAction.SKIP) {
          board.end(task.id(), TaskPhase.SKIPPED, "skipped by a human: no pull request", now);
          break;
        }
        if (action == UnblockAction.DONE) {
          board.end(task.id(), TaskPhase.COMPLETED, null, now);
          break;
        }
      }
    }
  }

  private boolean openOne(PullRequestActivities github, PlanTask task, PullRequestRequest pr) {
    try {
      Integer issue = issues.number(task.id());
      String url =
          issue == null ? github.openOrUpdate(pr).url() : issues.openClosing(pr, issue).url();
      board.pullRequest(task.id(), url);
      if (board.phase(task.id()) != TaskPhase.COMPLETED) {
        // Opened on a human's retry: the task, merged already, is completed again.
        board.end(task.id(), TaskPhase.COMPLETED, null, Workflow.currentTimeMillis());
      }
      return true;
    } catch (ActivityFailure e) {
      String reason = "pull request: " + FailureText.describe(e);
      long now = Workflow.currentTimeMillis();
      if (desk == null) {
        board.blockByMerge(task.id(), reason, now);
      } else {
        board.block(
            task.id(),
            Blocker.of(BlockKind.PULL_REQUEST_FAILED, reason, logs.task(task.id())),
            now);
      }
      return false;
    }
  }

  /** Waits, holding nothing, for a human's decision; null in runs that cannot take one. */
  private UnblockDesk.RunDecision awaitDecision(String taskId) {
    if (desk == null) {
      return null;
    }
    waiting.run();
    Workflow.await(() -> desk.pendingForRun().contains(taskId));
    return desk.takeForRun(taskId);
  }
}
