package dev.braid.workflow;

import dev.braid.activity.AgentActivities;
import dev.braid.activity.AttemptResult;
import dev.braid.activity.GitActivities;
import dev.braid.activity.GitHubFlowActivities;
import dev.braid.activity.ManualWorkRequest;
import dev.braid.activity.PlanActivities;
import dev.braid.activity.PrepareRequest;
import dev.braid.activity.PreparedWorktree;
import dev.braid.activity.WorktreeActivities;
import dev.braid.plan.TaskState;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;

/**
 * The activities of one task bound to the host that holds its worktree, or to the shared queue
 * while it has none. Every one of them fails with a schedule-to-start timeout when that host stops
 * answering ({@link FailureText#lostHost}).
 */
final class TaskHost {
  final PreparedWorktree worktree;
  private final TaskRequest request;
  final PlanActivities planFiles;
  final GitActivities git;
  final AgentActivities manualWork;
  final GitHubFlowActivities gitHub;
  private final StatusMirror statusMirror;

  private TaskHost(TaskRequest request, PreparedWorktree worktree, StatusMirror statusMirror) {
    this.worktree = worktree;
    this.request = request;
    this.statusMirror = statusMirror;
    String queue = worktree == null ? BraidActivityOptions.sharedQueue() : worktree.hostTaskQueue();
    long wait = request.config().hostWaitSeconds();
    planFiles =
        Workflow.newActivityStub(PlanActivities.class, BraidActivityOptions.planFiles(queue, wait));
    git = Workflow.newActivityStub(GitActivities.class, BraidActivityOptions.push(queue, wait));
    manualWork =
        Workflow.newActivityStub(
            AgentActivities.class, BraidActivityOptions.manualWork(queue, request.config()));
    // Bringing a pull request's branch up to date merges in the task's worktree, on its host.
    gitHub =
        Workflow.newActivityStub(
            GitHubFlowActivities.class, BraidActivityOptions.push(queue, wait));
  }

  /**
   * Prepares the task's worktree on any host of the shared queue (the activity is named after the
   * task in the Web UI).
   */
  static PreparedWorktree prepare(TaskRequest request) {
    return Workflow.newActivityStub(
            WorktreeActivities.class,
            ActivityOptions.newBuilder(BraidActivityOptions.prepare())
                .setSummary("prepare " + request.task().id())
                .build())
        .prepare(
            new PrepareRequest(
                request.repo(),
                request.task().id(),
                request.start(),
                request.config().setup(),
                request.config().copyFiles(),
                request.config().merge().remote()));
  }

  /** Before any worktree exists: only the plan files, on the shared queue. */
  static TaskHost none(TaskRequest request) {
    return new TaskHost(request, null, new StatusMirror(request));
  }

  /** Writes the task file's status on this host (see {@link StatusMirror}). */
  void mirror(TaskState state) {
    statusMirror.write(planFiles, state);
  }

  /** The task's activities on the host of a worktree prepared again; the mirror goes along. */
  TaskHost movedTo(PreparedWorktree prepared) {
    if (hasWorktree() && !worktree.hostTaskQueue().equals(prepared.hostTaskQueue())) {
      statusMirror.hostChanged();
    }
    return new TaskHost(request, prepared, statusMirror);
  }

  /** A human's fix in the worktree, committed and checked with no agent. */
  AttemptResult acceptManualWork(TaskRequest request) {
    return manualWork.acceptManualWork(
        new ManualWorkRequest(
            request.runId(),
            request.task().id(),
            request.repo(),
            worktree.path(),
            request.config().checks(),
            request.logRun()));
  }

  boolean hasWorktree() {
    return worktree != null;
  }
}
