package dev.braid.workflow;

import dev.braid.activity.CleanupActivities;
import dev.braid.activity.CleanupRequest;
import dev.braid.activity.CleanupResult;
import dev.braid.activity.GitActivities;
import dev.braid.activity.IntegrationStart;
import dev.braid.activity.MergeRequest;
import dev.braid.activity.MergeResult;
import dev.braid.activity.PlanActivities;
import dev.braid.activity.PublishBranchRequest;
import dev.braid.activity.PullRequestActivities;
import dev.braid.activity.PullRequestRequest;
import dev.braid.activity.PullRequestResult;
import dev.braid.config.BraidConfig;
import dev.braid.config.MergeMode;
import dev.braid.config.MergeSettings;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanGraph;
import dev.braid.plan.PlanTask;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.common.SearchAttributeKey;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;

/**
 * Runs a plan: starts each task's workflow as soon as its dependencies are completed, highest
 * priority first and never more than {@code maxParallel} at once, then merges what completed.
 */
public class ExecuteWorkflowImpl implements ExecuteWorkflow {
  private static final Logger log = Workflow.getLogger(ExecuteWorkflowImpl.class);
  private static final SearchAttributeKey<String> PLAN_KEY =
      SearchAttributeKey.forKeyword(BraidNames.SA_PLAN);
  private static final SearchAttributeKey<String> STATE_KEY =
      SearchAttributeKey.forKeyword(BraidNames.SA_STATE);
  private static final SearchAttributeKey<Long> DONE_KEY =
      SearchAttributeKey.forLong(BraidNames.SA_TASKS_DONE);
  private static final SearchAttributeKey<Long> BLOCKED_KEY =
      SearchAttributeKey.forLong(BraidNames.SA_TASKS_BLOCKED);

  private final PlanActivities planFiles =
      Workflow.newActivityStub(
          PlanActivities.class, BraidActivityOptions.planFiles(BraidNames.TASK_QUEUE));
  private final GitActivities git =
      Workflow.newActivityStub(GitActivities.class, BraidActivityOptions.merge());

  /**
   * The change that brought the merge queue: tasks start from the integration branch and are merged
   * one by one as they finish. Runs recorded before it merge everything at the end.
   */
  static final String MERGE_QUEUE_CHANGE = "merge-queue";

  /** The change that lets a long run continue as new (see {@link #HISTORY_EVENTS}). */
  static final String CONTINUE_AS_NEW_CHANGE = "continue-as-new";

  /**
   * A run continues as new once its history has this many events, well under Temporal's suggestion
   * of 4,096 (and its hard limit of 51,200), or sooner when the server suggests it.
   */
  static final long HISTORY_EVENTS = 2_000;

  private RunBoard board;
  private RunRequest request;
  private Plan plan;
  private MergeQueue queue;
  private final List<Promise<TaskOutcome>> children = new java.util.ArrayList<>();
  private RunPhase phase = RunPhase.LOADING;
  private String planName;
  private MergeResult merge;
  private long startedAt;
  private long finishedAt;
  private String message;
  private String published = "";

  @Override
  public RunStatus execute(RunRequest request) {
    try {
      return run(request);
    } catch (CanceledFailure cancelled) {
      // Compensate like a saga, in a scope the cancellation cannot reach: wait for the tasks to
      // stop (their agents' trees are killed), then remove what holds no work worth keeping.
      Workflow.newDetachedCancellationScope(() -> compensate(request)).run();
      throw cancelled;
    }
  }

  private RunStatus run(RunRequest request) {
    this.request = request;
    RunCarry carry = request.carry();
    startedAt = carry == null ? Workflow.currentTimeMillis() : carry.startedAtMillis();
    String runId = Workflow.getInfo().getWorkflowId();
    Plan plan = planFiles.loadPlan(request.planDir());
    this.plan = plan;
    planName = plan.name();
    board = carry == null ? new RunBoard(plan) : new RunBoard(plan, carry.tasks());
    if (Workflow.getVersion(MERGE_QUEUE_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1) {
      git.startIntegration(
          new IntegrationStart(request.repo(), runId, request.config().merge().target()));
      queue = new MergeQueue(runId, request, git, board, (id, round) -> restart(runId, id, round));
      if (carry != null) {
        queue.restore(carry.integrated());
      }
    }
    phase = RunPhase.RUNNING;
    publish();

    int maxParallel = Math.max(1, request.config().maxParallel());
    while (true) {
      board.skipUnreachable(Workflow.currentTimeMillis());
      if (queue != null) {
        queue.startNext();
      }
      boolean draining = historyTooLong();
      if (draining && board.count(TaskPhase.RUNNING) == 0 && !queue.active()) {
        continueAsNew(request);
      }
      for (PlanTask task : draining ? List.<PlanTask>of() : board.ready()) {
        if (board.count(TaskPhase.RUNNING) >= maxParallel) {
          break;
        }
        start(runId, task, request);
      }
      boolean stuck = board.count(TaskPhase.RUNNING) == 0 && board.ready().isEmpty();
      boolean blocked = board.count(TaskPhase.BLOCKED) > 0;
      // When nothing can move until a human decides, the run waits, holding no process.
      phase = stuck && blocked ? RunPhase.BLOCKED : RunPhase.RUNNING;
      // Publish before leaving the loop, as runs recorded by earlier versions did (ReplayTest).
      publish();
      if (stuck && !blocked) {
        break;
      }
      int seen = board.version();
      Workflow.await(() -> board.version() != seen);
    }

    if (queue != null) {
      finish(runId, request);
    } else {
      mergeCompleted(runId, plan, request);
    }
    finishedAt = Workflow.currentTimeMillis();
    boolean allCompleted = board.count(TaskPhase.COMPLETED) == plan.tasks().size();
    boolean mergeClean = merge == null || (merge.checksPassed() && merge.conflicted().isEmpty());
    phase = allCompleted && mergeClean ? RunPhase.DONE : RunPhase.FAILED;
    message = summary(allCompleted, mergeClean);
    if (phase == RunPhase.DONE && request.config().cleanup()) {
      message += "; " + describe(cleanUp(request, true));
    }
    publish();
    return status();
  }

  @Override
  public RunStatus status() {
    return new RunStatus(
        Workflow.getInfo().getWorkflowId(),
        planName,
        phase,
        board == null ? List.of() : board.statuses(),
        merge,
        startedAt,
        finishedAt,
        message);
  }

  @Override
  public void validateUnblock(UnblockRequest unblock) {
    String problem = unblockProblem(unblock);
    if (problem != null) {
      throw ApplicationFailure.newFailure(problem, "InvalidUnblock");
    }
  }

  @Override
  public UnblockResult unblock(UnblockRequest unblock) {
    return forward(unblock);
  }

  @Override
  public void unblockSignal(UnblockRequest unblock) {
    String problem = unblockProblem(unblock);
    if (problem != null) {
      log.warn("ignored an unblock signal: {}", problem);
      return;
    }
    forward(unblock);
  }

  @Override
  public void taskProgress(TaskProgress progress) {
    if (board != null && board.phase(progress.taskId()) != TaskPhase.COMPLETED) {
      board.progress(progress);
    }
  }

  /** Why this decision cannot be taken, or null when it can. */
  private String unblockProblem(UnblockRequest unblock) {
    if (unblock == null || unblock.taskId() == null || unblock.action() == null) {
      return "an unblock needs a taskId and an action (retry, skip or done)";
    }
    if (board == null
        || board.statuses().stream().noneMatch(t -> t.id().equals(unblock.taskId()))) {
      return "no task '" + unblock.taskId() + "' in this run";
    }
    TaskPhase now = board.phase(unblock.taskId());
    if (now != TaskPhase.BLOCKED) {
      return "task '" + unblock.taskId() + "' is " + now.label() + ", not blocked";
    }
    if (board.blockedByMerge(unblock.taskId())) {
      return "task '"
          + unblock.taskId()
          + "' conflicted in the merge, which this version cannot retry";
    }
    if (unblock.tier() != null
        && request.config().tiers().stream().noneMatch(t -> t.name().equals(unblock.tier()))) {
      return "no tier '"
          + unblock.tier()
          + "'; the tiers are "
          + String.join(", ", request.config().tiers().stream().map(t -> t.name()).toList());
    }
    if (unblock.action() != UnblockAction.RETRY
        && (unblock.tier() != null || unblock.guidance() != null)) {
      return "guidance and tier go with retry only";
    }
    return null;
  }

  /** Hands a valid decision to the task's workflow, which waits for it. */
  private UnblockResult forward(UnblockRequest unblock) {
    String runId = Workflow.getInfo().getWorkflowId();
    Workflow.newExternalWorkflowStub(
            TaskWorkflow.class, BraidNames.taskWorkflowId(runId, unblock.taskId()))
        .decide(unblock);
    // Even a skip makes the task's workflow work again: it records the skip, then ends.
    board.resume(unblock.taskId());
    String message =
        switch (unblock.action()) {
          case RETRY ->
              "task "
                  + unblock.taskId()
                  + " will run again from tier "
                  + (unblock.tier() == null
                      ? request.config().tiers().get(0).name()
                      : unblock.tier());
          case SKIP ->
              "task " + unblock.taskId() + " is skipped, and so are the tasks that depend on it";
          case DONE ->
              "task " + unblock.taskId() + ": braid commits the worktree and runs the checks";
        };
    log.info("unblock: {}", message);
    return new UnblockResult(unblock.taskId(), unblock.action(), message);
  }

  private void start(String runId, PlanTask task, RunRequest request) {
    board.markRunning(task.id(), Workflow.currentTimeMillis());
    startChild(runId, task, request, null);
  }

  /**
   * Whether the history is long enough to continue as new. A run drains first (it starts no new
   * task, and lets running tasks and the merge queue finish), because its children and merges are
   * tied to this execution; a run with a blocked task never drains, since a blocked task waits
   * without adding events.
   */
  private boolean historyTooLong() {
    if (queue == null || board.count(TaskPhase.BLOCKED) > 0) {
      return false;
    }
    var info = Workflow.getInfo();
    boolean tooLong = info.isContinueAsNewSuggested() || info.getHistoryLength() > HISTORY_EVENTS;
    return tooLong && Workflow.getVersion(CONTINUE_AS_NEW_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  private void continueAsNew(RunRequest request) {
    RunCarry carry = new RunCarry(startedAt, board.statuses(), queue.integratedTasks());
    log.info("history has {} events; continuing as new", Workflow.getInfo().getHistoryLength());
    Workflow.continueAsNew(
        new RunRequest(request.repo(), request.planDir(), request.config(), carry));
  }

  /**
   * Runs the cleanup activity: it removes clean worktrees and merged branches and keeps anything
   * holding work the target lacks, saying why.
   */
  private CleanupResult cleanUp(RunRequest request, boolean archive) {
    String runId = Workflow.getInfo().getWorkflowId();
    // The date names the archive; it comes from workflow time, so a replay names it the same.
    String date =
        java.time.Instant.ofEpochMilli(Workflow.currentTimeMillis())
            .atZone(java.time.ZoneOffset.UTC)
            .toLocalDate()
            .toString();
    List<String> taskIds =
        plan == null ? List.of() : plan.tasks().stream().map(PlanTask::id).toList();
    return Workflow.newActivityStub(CleanupActivities.class, BraidActivityOptions.cleanup())
        .cleanup(
            new CleanupRequest(
                request.repo(),
                runId,
                request.planDir(),
                request.config().merge().target(),
                request.config().merge().remote(),
                taskIds,
                archive,
                date));
  }

  private void compensate(RunRequest request) {
    for (Promise<TaskOutcome> child : children) {
      try {
        child.get();
      } catch (RuntimeException stopped) {
        // A cancelled task ends with a failure; all that matters here is that it has ended.
      }
    }
    phase = RunPhase.CANCELLED;
    finishedAt = Workflow.currentTimeMillis();
    try {
      message = "cancelled; " + describe(cleanUp(request, false));
    } catch (ActivityFailure e) {
      // Nothing was removed that should have been kept; the human can run braid cleanup later.
      message =
          "cancelled; the cleanup failed (" + FailureText.describe(e) + "), run braid cleanup";
    }
    publish();
  }

  private static String describe(CleanupResult cleanup) {
    StringBuilder sb =
        new StringBuilder("cleanup removed ")
            .append(cleanup.removedWorktrees().size())
            .append(" worktree(s), deleted ")
            .append(cleanup.deletedBranches().size())
            .append(" merged branch(es)");
    if (!cleanup.keptBranches().isEmpty()) {
      sb.append(", kept ").append(String.join("; ", cleanup.keptBranches()));
    }
    if (cleanup.archivedTo() != null) {
      sb.append(", archived the plan to ").append(cleanup.archivedTo());
    }
    return sb.toString();
  }

  /** The merge queue sends a task back to its worktree: a new run of its workflow, same id. */
  private void restart(String runId, String taskId, TaskRound round) {
    startChild(runId, plan.task(taskId).orElseThrow(), request, round);
  }

  private void startChild(String runId, PlanTask task, RunRequest request, TaskRound round) {
    TaskWorkflow child =
        Workflow.newChildWorkflowStub(
            TaskWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(BraidNames.taskWorkflowId(runId, task.id()))
                .setTaskQueue(BraidNames.TASK_QUEUE)
                .setStaticSummary(task.id() + ": " + task.title())
                // Cancelling a run asks each task to stop, so its agent's process tree is killed.
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL)
                .build());
    Promise<TaskOutcome> outcome =
        Async.function(
            child::run,
            new TaskRequest(
                runId,
                request.repo(),
                request.planDir(),
                task,
                request.config(),
                queue == null ? null : queue.branch(),
                round));
    children.add(outcome);
    outcome.handle(
        (result, failure) -> {
          long now = Workflow.currentTimeMillis();
          if (failure != null) {
            if (!(failure.getCause() instanceof CanceledFailure)) {
              log.warn("task {} workflow failed", task.id(), failure);
            }
            board.block(task.id(), "task workflow failed: " + FailureText.describe(failure), now);
          } else if (queue != null && result.phase() == TaskPhase.COMPLETED) {
            queue.offer(result);
          } else {
            board.finish(result, now);
          }
          return null;
        });
  }

  /**
   * Brings the target up to the integration branch (direct), after running the full checks on it
   * once more: the verification of the integrated result. With none, the target stays and the
   * branches remain; the result was checked when its last task was merged.
   */
  private void finish(String runId, RunRequest request) {
    List<String> integrated = queue.integrated();
    if (integrated.isEmpty()) {
      return;
    }
    BraidConfig config = request.config();
    MergeRequest all =
        new MergeRequest(
            runId,
            request.repo(),
            config.merge().target(),
            integrated,
            config.setup(),
            config.checks(),
            config.merge().remote());
    phase = RunPhase.MERGING;
    publish();
    merge =
        switch (config.merge().mode()) {
          case DIRECT -> git.merge(all);
          case NONE -> git.integrate(all);
          case PR -> {
            MergeResult verified = git.integrate(all);
            openPullRequests(runId, request);
            yield verified;
          }
        };
  }

  /**
   * One pull request per task, in merge order. Each one's base is a branch at the commit the task
   * started from, so the pull request shows that task's changes and nothing else; a dependent's
   * base holds its dependencies' work, which makes the pull requests a stack.
   */
  private void openPullRequests(String runId, RunRequest request) {
    MergeSettings settings = request.config().merge();
    PullRequestActivities github =
        Workflow.newActivityStub(PullRequestActivities.class, BraidActivityOptions.pullRequest());
    for (TaskOutcome done : queue.integratedTasks()) {
      PlanTask task = plan.task(done.taskId()).orElseThrow();
      String base = settings.target();
      if (done.baseCommit() != null) {
        base = BraidNames.integrationBranch(runId) + "-base/" + task.id();
        git.publishBranch(
            new PublishBranchRequest(request.repo(), settings.remote(), base, done.baseCommit()));
      }
      try {
        PullRequestResult pr =
            github.openOrUpdate(
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
                    Path.of(request.planDir()).resolve(task.file()).toString()));
        board.pullRequest(task.id(), pr.url());
      } catch (ActivityFailure e) {
        board.blockByMerge(
            task.id(), "pull request: " + FailureText.describe(e), Workflow.currentTimeMillis());
      }
    }
  }

  private void mergeCompleted(String runId, Plan plan, RunRequest request) {
    BraidConfig config = request.config();
    List<String> branchesInOrder =
        board.completedThisRun(PlanGraph.of(plan).order()).stream()
            .map(BraidNames::taskBranch)
            .toList();
    if (config.merge().mode() == MergeMode.NONE || branchesInOrder.isEmpty()) {
      return;
    }
    phase = RunPhase.MERGING;
    publish();
    merge =
        git.merge(
            new MergeRequest(
                runId,
                request.repo(),
                config.merge().target(),
                branchesInOrder,
                config.setup(),
                config.checks(),
                config.merge().remote()));
    long now = Workflow.currentTimeMillis();
    for (String branch : merge.conflicted()) {
      String taskId = branch.substring(branch.indexOf('/') + 1);
      board.blockByMerge(taskId, "merge conflict with " + config.merge().target(), now);
    }
  }

  private String summary(boolean allCompleted, boolean mergeClean) {
    if (allCompleted && mergeClean) {
      return "all tasks completed and merged";
    }
    if (merge != null && !merge.checksPassed()) {
      return "checks failed on the merged result; the target branch was not moved";
    }
    return board.count(TaskPhase.BLOCKED)
        + " blocked, "
        + board.count(TaskPhase.SKIPPED)
        + " skipped";
  }

  /** Tells the Web UI where the run stands; search attributes change only when a value does. */
  private void publish() {
    Workflow.setCurrentDetails(phase.label() + ": " + board.details());
    String snapshot =
        phase.label() + board.count(TaskPhase.COMPLETED) + "/" + board.count(TaskPhase.BLOCKED);
    if (!snapshot.equals(published)) {
      published = snapshot;
      Workflow.upsertTypedSearchAttributes(
          PLAN_KEY.valueSet(planName),
          STATE_KEY.valueSet(phase.label()),
          DONE_KEY.valueSet((long) board.count(TaskPhase.COMPLETED)),
          BLOCKED_KEY.valueSet((long) board.count(TaskPhase.BLOCKED)));
    }
  }
}
