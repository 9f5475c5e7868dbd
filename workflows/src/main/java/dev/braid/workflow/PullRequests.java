package dev.braid.workflow;

import dev.braid.activity.GitActivities;
import dev.braid.activity.PublishBranchRequest;
import dev.braid.activity.PullRequestActivities;
import dev.braid.activity.PullRequestRequest;
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
import java.util.List;
import org.slf4j.Logger;

/**
 * One pull request per task. In runs whose pull requests deliver ({@link #DELIVER_CHANGE}), each
 * one opens as soon as its task has passed its checks, on the target or stacked on its dependency's
 * branch ({@link PullRequestBases}), so merging them on GitHub brings the work to the target; the
 * run's end opens any that could not be opened then. Runs recorded before opened them all at the
 * end, in merge order, each on a branch at the commit its task started from, which no merge on
 * GitHub ever brought to the target.
 *
 * <p>A pull request that cannot be opened blocks its task with {@link
 * BlockKind#PULL_REQUEST_FAILED}; the task's workflow is over, so the run waits here for the
 * decision: retry opens it again, done accepts the task without it, skip gives it up.
 */
final class PullRequests {
  private static final Logger log = Workflow.getLogger(PullRequests.class);

  /** The change that made pull requests target the target and open as their task passes. */
  static final String DELIVER_CHANGE = "pr-delivers";

  private final String runId;
  private final RunLogs logs;
  private final RunRequest request;
  private final Plan plan;
  private final RunBoard board;
  private final GitActivities git;
  private final UnblockDesk desk;
  private final RunIssues issues;
  private final Runnable waiting;
  private final boolean delivers;
  private final PullRequestActivities github;
  private final List<Promise<Void>> early = new ArrayList<>();

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
    // Asked only in pull-request mode, where the answer matters: other runs replay as they were.
    this.delivers =
        request.config().merge().mode() == MergeMode.PR
            && Workflow.getVersion(DELIVER_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
    this.github =
        Workflow.newActivityStub(PullRequestActivities.class, BraidActivityOptions.pullRequest());
  }

  /** Whether pull requests go to the target and open as their task passes. */
  boolean delivers() {
    return delivers;
  }

  /**
   * Opens a task's pull request as soon as the task has passed its checks and pushed its branch,
   * beside its merge; one that cannot be opened now is opened, or blocks its task, at the run's
   * end.
   */
  void openEarly(TaskOutcome done) {
    // Under github.watch the task's own workflow opened it, and waited for its merge.
    if (!delivers || request.config().github().watch()) {
      return;
    }
    PlanTask task = plan.task(done.taskId()).orElseThrow();
    PullRequestRequest pr =
        request(
            task, done, PullRequestBases.base(task, target(), request.config().github().watch()));
    early.add(
        Async.procedure(
            () -> {
              try {
                board.pullRequest(task.id(), send(task, pr));
              } catch (ActivityFailure e) {
                log.warn("task {}: pull request not opened yet: {}", task.id(), e.getMessage());
              }
            }));
  }

  void open(List<TaskOutcome> merged) {
    // The ones opening still are left to finish, so that none is opened twice.
    Promise.allOf(early).get();
    MergeSettings settings = request.config().merge();
    for (TaskOutcome done : merged) {
      PlanTask task = plan.task(done.taskId()).orElseThrow();
      if (delivers && board.status(task.id()).pullRequest() != null) {
        continue;
      }
      String base =
          delivers
              ? PullRequestBases.base(task, target(), request.config().github().watch())
              : settings.target();
      if (!delivers && done.baseCommit() != null) {
        base = BraidNames.integrationBranch(runId) + "-base/" + task.id();
        git.publishBranch(
            new PublishBranchRequest(request.repo(), settings.remote(), base, done.baseCommit()));
      }
      PullRequestRequest pr = request(task, done, base);
      while (!openOne(task, pr)) {
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

  private String target() {
    return request.config().merge().target();
  }

  private PullRequestRequest request(PlanTask task, TaskOutcome done, String base) {
    MergeSettings settings = request.config().merge();
    return new PullRequestRequest(
        request.repo(),
        settings.remote(),
        done.branch(),
        base,
        null,
        null,
        task.labels(),
        settings.repository(),
        settings.apiUrl(),
        Path.of(request.planDir()).resolve(task.file()).toString(),
        request.snapshot() == null ? null : request.snapshot().textOf(task.id()));
  }

  /** Opens or updates the pull request, closing the task's issue when it has one; its address. */
  private String send(PlanTask task, PullRequestRequest pr) {
    Integer issue = issues.number(task.id());
    return issue == null ? github.openOrUpdate(pr).url() : issues.openClosing(pr, issue).url();
  }

  private boolean openOne(PlanTask task, PullRequestRequest pr) {
    try {
      board.pullRequest(task.id(), send(task, pr));
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
