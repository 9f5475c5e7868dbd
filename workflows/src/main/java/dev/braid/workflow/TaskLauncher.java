package dev.braid.workflow;

import dev.braid.plan.PlanTask;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * Starts task workflows, each with id {@code <run>/<task>}, and hands each one's end to the board
 * or the merge queue. A task workflow that fails (a bug, never a task's own failure, which blocks
 * inside it) leaves its task blocked with {@link BlockKind#TASK_FAILED}, which the run decides.
 */
final class TaskLauncher {
  private static final Logger log = Workflow.getLogger(TaskLauncher.class);

  private final String runId;
  private final RunLogs logs;
  private final RunRequest request;
  private final RunPlan plan;
  private final RunBoard board;
  private final boolean failuresBlock;
  private final List<Promise<TaskOutcome>> children = new ArrayList<>();
  private final RunRateLimit rateLimit = new RunRateLimit();
  private long told;
  private String baseBranch;
  private Consumer<TaskOutcome> onCompleted;
  private Function<PlanTask, String> startBranch = task -> null;
  private Function<String, Integer> issueOf = id -> null;
  private Function<String, RunBudgetShare> runBudget = id -> null;

  /**
   * @param failuresBlock false for runs recorded before blockers existed, whose failed task
   *     workflows were only marked blocked
   */
  TaskLauncher(
      RunLogs logs, RunRequest request, RunPlan plan, RunBoard board, boolean failuresBlock) {
    this.runId = logs.runId();
    this.logs = logs;
    this.request = request;
    this.plan = plan;
    this.board = board;
    this.failuresBlock = failuresBlock;
    this.onCompleted = outcome -> board.finish(outcome, Workflow.currentTimeMillis());
  }

  /** Tasks start from this branch, and completed ones go to the merge queue. */
  void integrateInto(String branch, Consumer<TaskOutcome> completed) {
    this.baseBranch = branch;
    this.onCompleted = completed;
  }

  /** New worktrees start from the branch this names, when it names one, not the base branch. */
  void startFrom(Function<PlanTask, String> startBranch) {
    this.startBranch = startBranch;
  }

  /** Tasks learn their GitHub issue's number from this, for their own pull request. */
  void issuesFrom(Function<String, Integer> issueOf) {
    this.issueOf = issueOf;
  }

  /** Tasks learn what the run's budget leaves them from this, as they start. */
  void budgetFrom(Function<String, RunBudgetShare> runBudget) {
    this.runBudget = runBudget;
  }

  /** Starts a task for the first time. */
  void start(PlanTask task) {
    board.markRunning(task.id(), Workflow.currentTimeMillis());
    startChild(task, null);
  }

  /** Starts a task's workflow again (same id, a new run), for another round. */
  void restart(String taskId, TaskRound round) {
    startChild(plan.plan().task(taskId).orElseThrow(), round);
  }

  /** A task reported a rate-limit wait until then; the others will hear of it. */
  void rateLimitedUntil(long untilMillis) {
    rateLimit.extendTo(untilMillis);
  }

  /**
   * Tells every running task of a rate limit it has not heard of, so that none starts an attempt
   * before it ends: a run under one key waits once, not once a task. Tasks started later get it in
   * their request.
   */
  void spreadRateLimit() {
    long until = rateLimit.untilMillis();
    if (until <= told || until <= Workflow.currentTimeMillis()) {
      return;
    }
    told = until;
    for (TaskStatus status : board.statuses()) {
      if (status.phase() != TaskPhase.RUNNING) {
        continue;
      }
      TaskWorkflow task =
          Workflow.newExternalWorkflowStub(
              TaskWorkflow.class, BraidNames.taskWorkflowId(runId, status.id()));
      // A task that ended meanwhile cannot be told, and needs not be.
      Async.procedure(task::rateLimitedUntil, until).exceptionally(gone -> null);
    }
  }

  /** Every task workflow started, so a cancelled run can wait for them all to stop. */
  List<Promise<TaskOutcome>> children() {
    return children;
  }

  private void startChild(PlanTask task, TaskRound round) {
    TaskWorkflow child =
        Workflow.newChildWorkflowStub(
            TaskWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(BraidNames.taskWorkflowId(runId, task.id()))
                .setTaskQueue(BraidActivityOptions.sharedQueue())
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
                baseBranch,
                round,
                // Only the child's input: a task started during a wait joins it at once.
                Math.max(0, rateLimit.untilMillis()),
                logs.logRun(),
                plan.textOf(task.id()),
                statusQueue(),
                startBranch.apply(task),
                issueOf.apply(task.id()),
                runBudget.apply(task.id())));
    children.add(outcome);
    outcome.handle(
        (result, failure) -> {
          long now = Workflow.currentTimeMillis();
          if (failure != null) {
            failed(task, failure, now);
          } else if (result.phase() == TaskPhase.COMPLETED) {
            if (result.pullRequest() != null) {
              board.pullRequest(task.id(), result.pullRequest());
            }
            onCompleted.accept(result);
          } else {
            board.finish(result, now);
          }
          return null;
        });
  }

  /**
   * The queue of the host that started the run, where task files' statuses are mirrored, or null in
   * runs that did not name it, which wrote them on the task's own host.
   */
  private String statusQueue() {
    String host = request.startHost();
    return host == null
        ? null
        : BraidNames.hostFilesQueue(BraidActivityOptions.sharedQueue(), host);
  }

  private void failed(PlanTask task, RuntimeException failure, long now) {
    if (!(failure.getCause() instanceof CanceledFailure)) {
      log.warn("task {} workflow failed", task.id(), failure);
    }
    String reason = "task workflow failed: " + FailureText.describe(failure);
    if (failuresBlock) {
      board.block(task.id(), Blocker.of(BlockKind.TASK_FAILED, reason, logs.task(task.id())), now);
    } else {
      board.block(task.id(), reason, now);
    }
  }

  /** Carries out a decision on a task whose workflow failed: start it again, or give it up. */
  void decide(UnblockRequest decision, Blocker blocker, TaskStatus status) {
    long now = Workflow.currentTimeMillis();
    switch (decision.action()) {
      case RETRY ->
          startChild(
              plan.plan().task(decision.taskId()).orElseThrow(),
              new TaskRound(false, decision.guidance(), status.attempts(), status.tiers(), null));
      case SKIP ->
          board.end(
              decision.taskId(),
              TaskPhase.SKIPPED,
              "skipped by a human after: " + blocker.reason(),
              now);
      case DONE -> throw new IllegalStateException("done is refused for " + blocker.kind());
    }
  }
}
