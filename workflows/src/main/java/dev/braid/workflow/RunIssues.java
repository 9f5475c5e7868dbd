package dev.braid.workflow;

import dev.braid.activity.GitHubFlowActivities;
import dev.braid.activity.GitHubLocation;
import dev.braid.activity.IssueCommentRequest;
import dev.braid.activity.IssueCommentResult;
import dev.braid.activity.IssueRequest;
import dev.braid.activity.IssueResult;
import dev.braid.activity.PullRequestRequest;
import dev.braid.activity.PullRequestSnapshot;
import dev.braid.activity.PullRequestSpec;
import dev.braid.config.MergeMode;
import dev.braid.config.MergeSettings;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * An issue per task ({@code github.issues: true}, {@code merge.mode: pr}): opened when the run
 * starts, found again on a rerun (the key is the run's id and the task's), closed by the task's
 * pull request ({@code Closes #N}), and commented on when the task blocks, completes or is skipped.
 * The issues are a view for people on GitHub: one that cannot be opened or commented on is logged,
 * and the task goes on.
 */
final class RunIssues {
  private static final Logger log = Workflow.getLogger(RunIssues.class);

  /** The change that brought issues per task. */
  static final String CHANGE = "task-issues";

  private final String runId;
  private final boolean watched;
  private final String target;
  private final GitHubFlowActivities github;
  private final GitHubLocation location;
  private final Map<String, Integer> numbers = new LinkedHashMap<>();
  private final Map<String, TaskPhase> told = new HashMap<>();
  private final Map<String, Integer> comments = new HashMap<>();
  private final List<Promise<IssueCommentResult>> pending = new ArrayList<>();

  private RunIssues(String runId, RunRequest request, boolean enabled) {
    this.runId = runId;
    this.watched = request.config().github().watch();
    this.target = request.config().merge().target();
    MergeSettings merge = request.config().merge();
    this.location =
        new GitHubLocation(request.repo(), merge.remote(), merge.repository(), merge.apiUrl());
    this.github =
        enabled
            ? Workflow.newActivityStub(
                GitHubFlowActivities.class, BraidActivityOptions.pullRequest())
            : null;
  }

  /**
   * Opens (or finds again) the issue of every task still to do; a run without issues gets an
   * instance that does nothing.
   */
  static RunIssues open(String runId, RunRequest request, Plan plan, RunBoard board) {
    boolean wanted =
        request.config().merge().mode() == MergeMode.PR && request.config().github().issues();
    if (!wanted || Workflow.getVersion(CHANGE, Workflow.DEFAULT_VERSION, 1) < 1) {
      return new RunIssues(runId, request, false);
    }
    RunIssues issues = new RunIssues(runId, request, true);
    Map<String, Promise<IssueResult>> opening = new LinkedHashMap<>();
    for (PlanTask task : plan.tasks()) {
      if (board.phase(task.id()) == TaskPhase.COMPLETED) {
        continue;
      }
      String file = Path.of(request.planDir()).resolve(task.file()).toString();
      opening.put(
          task.id(),
          Async.function(
              issues.github::openIssue,
              new IssueRequest(
                  issues.location,
                  runId + "/" + task.id(),
                  null,
                  null,
                  task.labels(),
                  file,
                  request.snapshot() == null ? null : request.snapshot().textOf(task.id()))));
    }
    opening.forEach(
        (id, promise) -> {
          try {
            issues.numbers.put(id, promise.get().number());
          } catch (ActivityFailure e) {
            log.warn("task {}: no issue: {}", id, FailureText.describe(e));
          }
        });
    return issues;
  }

  /** The task's issue number, or null when it has none. */
  Integer number(String taskId) {
    return numbers.get(taskId);
  }

  /**
   * Opens or updates a pull request that closes the task's issue ({@code Closes #N}), through the
   * activity that knows issues; the same head, base, labels and task file as {@code pr}.
   */
  PullRequestSnapshot openClosing(PullRequestRequest pr, int issue) {
    return github.openPullRequest(
        new PullRequestSpec(
            location,
            pr.branch(),
            pr.base(),
            pr.title(),
            pr.body(),
            pr.labels(),
            pr.taskFile(),
            issue,
            pr.taskText()));
  }

  /** Comments on the issue of each task that blocked, completed or was skipped since last time. */
  void observe(RunBoard board) {
    for (TaskStatus status : board.statuses()) {
      Integer issue = numbers.get(status.id());
      TaskPhase phase = status.phase();
      if (issue == null || phase == told.get(status.id())) {
        continue;
      }
      told.put(status.id(), phase);
      String body = comment(status);
      if (body == null) {
        continue;
      }
      int n = comments.merge(status.id() + "/" + phase.label(), 1, Integer::sum);
      String key = runId + "/" + status.id() + "/" + phase.label() + "/" + n;
      pending.add(
          Async.function(github::commentOnce, new IssueCommentRequest(location, issue, key, body))
              .exceptionally(
                  failure -> {
                    log.warn("task {}: no comment: {}", status.id(), failure.getMessage());
                    return null;
                  }));
    }
  }

  /** Waits for the comments still being posted, so the run's end does not cut them off. */
  void settle() {
    Promise.allOf(pending).get();
    pending.clear();
  }

  private String comment(TaskStatus status) {
    return switch (status.phase()) {
      case BLOCKED ->
          "braid: this task is **blocked**"
              + (status.blocker() == null ? "" : " (" + status.blocker().kind().label() + ")")
              + ": "
              + status.reason()
              + "\n\n`braid status` says what a human may decide.";
      case COMPLETED ->
          watched
              ? "braid: this task is **done**: its pull request was merged into `"
                  + target
                  + "`: "
                  + status.pullRequest()
              : "braid: this task is **done**: its checks passed and its work is merged into `"
                  + BraidNames.integrationBranch(runId)
                  + "`"
                  + (status.pullRequest() == null
                      ? "."
                      : "; its pull request: " + status.pullRequest());
      case SKIPPED -> "braid: this task was **skipped**: " + status.reason();
      default -> null;
    };
  }
}
