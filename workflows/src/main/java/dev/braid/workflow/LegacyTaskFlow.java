package dev.braid.workflow;

import dev.braid.activity.AgentActivities;
import dev.braid.activity.AttemptResult;
import dev.braid.activity.GitActivities;
import dev.braid.activity.ManualWorkRequest;
import dev.braid.activity.NotifyActivities;
import dev.braid.activity.NotifyRequest;
import dev.braid.activity.PlanActivities;
import dev.braid.activity.PrepareRequest;
import dev.braid.activity.PreparedWorktree;
import dev.braid.activity.PushRequest;
import dev.braid.activity.SyncRequest;
import dev.braid.activity.SyncResult;
import dev.braid.activity.Usage;
import dev.braid.activity.WorktreeActivities;
import dev.braid.config.AgentTier;
import dev.braid.plan.PlanTask;
import dev.braid.plan.TaskState;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.Deque;

/**
 * A task as task workflows ran it before the change {@link TaskWorkflowImpl#TASK_STATES_CHANGE}:
 * kept, unchanged in what it asks of Temporal, so that runs recorded before it replay. A failed
 * setup or worktree failed the workflow here, with nobody left to decide.
 */
final class LegacyTaskFlow {
  private final Deque<UnblockRequest> decisions;

  LegacyTaskFlow(Deque<UnblockRequest> decisions) {
    this.decisions = decisions;
  }

  TaskOutcome run(TaskRequest request) {
    PlanTask task = request.task();
    PreparedWorktree worktree =
        Workflow.newActivityStub(WorktreeActivities.class, BraidActivityOptions.prepare())
            .prepare(
                new PrepareRequest(
                    request.repo(), task.id(), request.base(), request.config().setup()));
    String host = worktree.hostTaskQueue();
    PlanActivities planFiles =
        Workflow.newActivityStub(
            PlanActivities.class,
            BraidActivityOptions.planFiles(host, request.config().hostWaitSeconds()));
    Cascade cascade = new Cascade(request, worktree);

    int firstTier = 0;
    boolean sync = request.round() != null && request.round().sync();
    String guidance = request.round() == null ? null : request.round().feedback();
    boolean manual = false;
    boolean resumed = false;
    while (true) {
      planFiles.setTaskStatus(request.planDir(), task.file(), TaskState.IN_PROGRESS);
      if (resumed) {
        report(request, TaskPhase.RUNNING, cascade, null);
      }
      Step step;
      if (manual) {
        step = manualFix(request, worktree);
      } else if (sync) {
        step = syncThenWork(request, worktree, cascade, firstTier, guidance);
      } else {
        CascadeResult round = cascade.run(firstTier, guidance);
        step = new Step(round.result(), round.failure());
      }
      if (step.result() != null) {
        return complete(request, worktree, planFiles, cascade, step.result());
      }

      planFiles.setTaskStatus(request.planDir(), task.file(), TaskState.BLOCKED);
      notifyBlocked(request, step.failure());
      report(request, TaskPhase.BLOCKED, cascade, step.failure());
      Workflow.await(() -> !decisions.isEmpty());
      UnblockRequest decision = decisions.poll();
      resumed = true;
      switch (decision.action()) {
        case SKIP -> {
          planFiles.setTaskStatus(request.planDir(), task.file(), TaskState.PENDING);
          return TaskEnds.skipped(task, cascade, "skipped by a human after: " + step.failure());
        }
        case DONE -> manual = true;
        case RETRY -> {
          manual = false;
          firstTier = cascade.tierIndex(decision.tier());
          guidance = decision.guidance();
        }
      }
    }
  }

  /**
   * How one go at the task ended.
   *
   * @param result the work to push, or null
   * @param failure why there is none
   */
  private record Step(AttemptResult result, String failure) {}

  /**
   * Merges the integration branch into the task branch. A conflict goes to the resolver agent, or
   * to a human when there is none or it fails; without a conflict, the agents get the feedback, if
   * any, and otherwise the merged branch is the result.
   */
  private static Step syncThenWork(
      TaskRequest request,
      PreparedWorktree worktree,
      Cascade cascade,
      int firstTier,
      String guidance) {
    GitActivities git =
        Workflow.newActivityStub(
            GitActivities.class,
            BraidActivityOptions.push(
                worktree.hostTaskQueue(), request.config().hostWaitSeconds()));
    SyncResult sync = git.syncWithBase(new SyncRequest(worktree.path(), request.base()));
    if (sync.conflicted()) {
      String conflicts =
          "Merging "
              + request.base()
              + " into this task's branch conflicts in: "
              + String.join(", ", sync.conflictingFiles())
              + ". Resolve every conflict, keeping both sides' intent, so that the checks pass."
              + (guidance == null ? "" : "\n\n" + guidance);
      AgentTier resolver = request.config().resolver();
      if (resolver != null) {
        CascadeResult resolved = cascade.resolve(resolver, conflicts);
        if (resolved.succeeded()) {
          return new Step(resolved.result(), null);
        }
        git.abortMerge(worktree.path());
        return new Step(
            null,
            "merge conflict in "
                + String.join(", ", sync.conflictingFiles())
                + "; "
                + resolved.failure());
      }
      git.abortMerge(worktree.path());
      return new Step(
          null,
          "merge conflict with "
              + request.base()
              + " in "
              + String.join(", ", sync.conflictingFiles())
              + " (resolve it in the worktree: git merge "
              + request.base()
              + ", then braid unblock --done)");
    }
    if (guidance != null) {
      CascadeResult round = cascade.run(firstTier, guidance);
      return new Step(round.result(), round.failure());
    }
    return new Step(
        new AttemptResult(cascade.attempts(), sync.head(), Usage.unknown(), null), null);
  }

  private static Step manualFix(TaskRequest request, PreparedWorktree worktree) {
    try {
      return new Step(acceptManualWork(request, worktree), null);
    } catch (ActivityFailure e) {
      return new Step(null, "checks after the manual fix: " + FailureText.describe(e));
    }
  }

  private TaskOutcome complete(
      TaskRequest request,
      PreparedWorktree worktree,
      PlanActivities planFiles,
      Cascade cascade,
      AttemptResult result) {
    String branch = BraidNames.taskBranch(request.task().id());
    Workflow.newActivityStub(
            GitActivities.class,
            BraidActivityOptions.push(worktree.hostTaskQueue(), request.config().hostWaitSeconds()))
        .push(new PushRequest(worktree.path(), branch, request.config().merge().remote()));
    planFiles.setTaskStatus(request.planDir(), request.task().file(), TaskState.COMPLETED);
    return TaskEnds.completed(request.task(), cascade, result, worktree, null);
  }

  private static AttemptResult acceptManualWork(TaskRequest request, PreparedWorktree worktree) {
    return Workflow.newActivityStub(
            AgentActivities.class,
            BraidActivityOptions.manualWork(worktree.hostTaskQueue(), request.config()))
        .acceptManualWork(
            new ManualWorkRequest(
                request.runId(),
                request.task().id(),
                request.repo(),
                worktree.path(),
                request.config().checks()));
  }

  private static void notifyBlocked(TaskRequest request, String reason) {
    if (request.config().notifyCommand().isEmpty()) {
      return;
    }
    Workflow.newActivityStub(NotifyActivities.class, BraidActivityOptions.notifyHuman())
        .notifyBlocked(
            new NotifyRequest(
                request.config().notifyCommand(),
                request.repo(),
                request.runId(),
                request.task().id(),
                reason));
  }

  /** Tells the run; a task workflow started on its own, as in tests, has nobody to tell. */
  private static void report(TaskRequest request, TaskPhase phase, Cascade cascade, String reason) {
    if (Workflow.getInfo().getParentWorkflowId().isEmpty()) {
      return;
    }
    Workflow.newExternalWorkflowStub(ExecuteWorkflow.class, request.runId())
        .taskProgress(
            new TaskProgress(
                request.task().id(), phase, cascade.attempts(), cascade.tiersRun(), reason));
  }
}
