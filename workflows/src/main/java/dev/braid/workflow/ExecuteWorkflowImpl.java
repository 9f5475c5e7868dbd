package dev.braid.workflow;

import dev.braid.activity.GitActivities;
import dev.braid.activity.IntegrationStart;
import dev.braid.activity.MergeResult;
import dev.braid.activity.PlanActivities;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.List;
import org.slf4j.Logger;

/**
 * Runs a plan: starts each task's workflow as soon as its dependencies are completed, highest
 * priority first and never more than {@code maxParallel} at work at once, integrates what
 * completed, and ends telling the truth: a run that did not bring every task to the target fails,
 * with its final status as the failure's details. The jobs around the loop live in helpers: {@link
 * TaskLauncher} starts tasks, {@link Integration} merges, {@link UnblockDesk} takes decisions,
 * {@link RunPublisher} tells the Web UI, {@link RunCleanup} cleans up.
 */
public class ExecuteWorkflowImpl implements ExecuteWorkflow {
  private static final Logger log = Workflow.getLogger(ExecuteWorkflowImpl.class);

  private final PlanActivities planFiles =
      Workflow.newActivityStub(
          PlanActivities.class,
          BraidActivityOptions.planFiles(BraidActivityOptions.sharedQueue(), 0 /* no limit */));
  private final GitActivities git =
      Workflow.newActivityStub(GitActivities.class, BraidActivityOptions.merge());

  /**
   * The change that brought the merge queue: tasks start from the integration branch and are merged
   * one by one as they finish. Runs recorded before it merge everything at the end.
   */
  static final String MERGE_QUEUE_CHANGE = "merge-queue";

  /** The change that lets a long run continue as new (see {@link HistoryLimit}). */
  static final String CONTINUE_AS_NEW_CHANGE = "continue-as-new";

  /**
   * The change that gave every blocked task a way out and made runs end truthfully: merge-blocked
   * and failed tasks can be decided, work marked completed but missing from the target is merged,
   * and a run that did not bring every task to the target fails in Temporal.
   */
  static final String RUN_TRUTH_CHANGE = "run-truth";

  /** The failure type of a run that ended without bringing every task to the target. */
  public static final String RUN_FAILED = "RunFailed";

  private RunPublisher publisher = new RunPublisher(false);
  private RunBoard board;
  private RunRequest request;
  private Plan plan;
  private Integration integration;
  private TaskLauncher launcher;
  private UnblockDesk desk;
  private MergeQueue queue;
  private RunPhase phase = RunPhase.LOADING;
  private String planName;
  private MergeResult merge;
  private long startedAt;
  private long finishedAt;
  private String message;
  private boolean truthful;
  private RunBudget budget;
  private RunDecisions decisions;
  private RunIssues issues;

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
    RunLogs logs = RunLogs.current(request.repo());
    RunPlan runPlan = RunPlan.load(planFiles, request);
    plan = runPlan.plan();
    planName = plan.name();
    board = carry == null ? new RunBoard(plan) : new RunBoard(plan, carry.tasks());
    RunOverlaps overlaps = RunOverlaps.load(planFiles, request, runPlan);
    board.keepApart(new SoftWaits(overlaps.edges()));
    truthful = Workflow.getVersion(RUN_TRUTH_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
    publisher = new RunPublisher(truthful);
    desk = new UnblockDesk(board, request.config().tiers(), truthful);
    budget = new RunBudget(request.config().budget(), board);
    launcher = new TaskLauncher(logs, request, runPlan, board, truthful);
    issues = RunIssues.open(runId, request, plan, board);
    launcher.issuesFrom(issues::number);
    launcher.budgetFrom(id -> budget.shareFor(id, board));
    integration = integrationFor(logs, carry, overlaps);
    launcher.integrateInto(integration.baseBranch(), integration::offer);
    ReviewStacks stacks = ReviewStacks.of(request);
    board.stackOn(stacks);
    launcher.startFrom(task -> stacks.start(task, board::status, integration.startBranch(task)));
    decisions = new RunDecisions(desk, launcher, board, budget);
    if (truthful && queue != null) {
      MissingWork.offer(git, request, board, integration);
    }
    phase = RunPhase.RUNNING;
    publish();

    int maxParallel = Math.max(1, request.config().maxParallel());
    while (true) {
      board.skipUnreachable(Workflow.currentTimeMillis());
      decisions.carryOut();
      launcher.spreadRateLimit();
      integration.startNext();
      boolean draining = HistoryLimit.reached(queue != null, board);
      if (draining && board.count(TaskPhase.RUNNING) == 0 && !integration.active()) {
        continueAsNew(request);
      }
      for (PlanTask task : draining ? List.<PlanTask>of() : board.ready()) {
        if (board.count(TaskPhase.RUNNING) - integration.freedSlots() >= maxParallel) {
          break;
        }
        if (!budget.holdsBack(task.id(), board, logs.task(task.id()))) {
          launcher.start(task);
        }
      }
      boolean stuck = board.count(TaskPhase.RUNNING) == 0 && board.ready().isEmpty();
      boolean blocked = board.count(TaskPhase.BLOCKED) > 0;
      // When nothing can move until a human decides, the run waits, holding no process.
      phase = stuck && blocked ? RunPhase.BLOCKED : RunPhase.RUNNING;
      board.explainSoftWaits();
      issues.observe(board);
      // Publish before leaving the loop, as runs recorded by earlier versions did (ReplayTest).
      publish();
      if (stuck && !blocked) {
        break;
      }
      int seen = board.version();
      Workflow.await(() -> board.version() != seen);
    }

    merge =
        integration.finish(
            () -> {
              phase = RunPhase.MERGING;
              publish();
            });
    return end();
  }

  private Integration integrationFor(RunLogs logs, RunCarry carry, RunOverlaps overlaps) {
    String runId = logs.runId();
    if (Workflow.getVersion(MERGE_QUEUE_CHANGE, Workflow.DEFAULT_VERSION, 1) < 1) {
      return new MergeAtEnd(runId, request, plan, board, git);
    }
    git.startIntegration(
        new IntegrationStart(
            request.repo(),
            runId,
            request.config().merge().target(),
            // The remote is the hub: a step or a task on another host starts from its copy.
            request.config().merge().remote()));
    queue = new MergeQueue(logs, request, board, launcher::restart, truthful, overlaps);
    if (carry != null) {
      queue.restore(carry.integrated());
    }
    PullRequests pullRequests =
        new PullRequests(
            logs,
            request,
            plan,
            board,
            git,
            truthful ? desk : null,
            issues,
            () -> {
              phase = RunPhase.BLOCKED;
              publish();
            });
    return new QueueIntegration(logs, request, git, queue, pullRequests);
  }

  private RunStatus end() {
    issues.observe(board);
    issues.settle();
    finishedAt = Workflow.currentTimeMillis();
    boolean allCompleted = board.count(TaskPhase.COMPLETED) == plan.tasks().size();
    boolean mergeClean = merge == null || (merge.checksPassed() && merge.conflicted().isEmpty());
    phase = allCompleted && mergeClean ? RunPhase.DONE : RunPhase.FAILED;
    message =
        truthful
            ? RunSummary.of(board, merge, request, allCompleted)
            : RunSummary.legacy(board, merge, plan.tasks().size());
    message += RunBudget.blindNote(board, request.config().budget());
    if (phase == RunPhase.DONE && request.config().cleanup()) {
      message += "; " + RunCleanup.describe(RunCleanup.run(request, plan, true));
    }
    publish();
    if (truthful && phase == RunPhase.FAILED) {
      // Temporal's own status says failed, so the Web UI's filters find the run; the details keep
      // everything the status shows.
      throw ApplicationFailure.newNonRetryableFailure(message, RUN_FAILED, status());
    }
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
        message,
        budget == null ? (request == null ? null : request.config().budget()) : budget.now());
  }

  @Override
  public void validateUnblock(UnblockRequest unblock) {
    String problem = desk == null ? "the run has not loaded its plan yet" : desk.problem(unblock);
    if (problem != null) {
      throw ApplicationFailure.newFailure(problem, "InvalidUnblock");
    }
  }

  @Override
  public UnblockResult unblock(UnblockRequest unblock) {
    return desk.forward(unblock, Workflow.getInfo().getWorkflowId());
  }

  @Override
  public void unblockSignal(UnblockRequest unblock) {
    String problem = desk == null ? "the run has not loaded its plan yet" : desk.problem(unblock);
    if (problem != null) {
      log.warn("ignored an unblock signal: {}", problem);
      return;
    }
    desk.forward(unblock, Workflow.getInfo().getWorkflowId());
  }

  @Override
  public void taskProgress(TaskProgress progress) {
    if (board != null && board.phase(progress.taskId()) != TaskPhase.COMPLETED) {
      board.progress(progress);
      Blocker why = progress.blocker();
      if (why != null && why.kind() == BlockKind.RATE_LIMIT && launcher != null) {
        launcher.rateLimitedUntil(why.untilMillis());
      }
    }
  }

  private void continueAsNew(RunRequest request) {
    RunCarry carry = new RunCarry(startedAt, board.statuses(), queue.integratedTasks());
    log.info("history has {} events; continuing as new", Workflow.getInfo().getHistoryLength());
    Workflow.continueAsNew(request.carrying(carry));
  }

  private void compensate(RunRequest request) {
    List<Promise<TaskOutcome>> children = launcher == null ? List.of() : launcher.children();
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
      message = "cancelled; " + RunCleanup.describe(RunCleanup.run(request, plan, false));
    } catch (ActivityFailure e) {
      // Nothing was removed that should have been kept; the human can run braid cleanup later.
      message =
          "cancelled; the cleanup failed (" + FailureText.describe(e) + "), run braid cleanup";
    }
    publish();
  }

  private void publish() {
    if (board != null) {
      publisher.publish(phase, planName, board, startedAt, message);
    }
  }
}
