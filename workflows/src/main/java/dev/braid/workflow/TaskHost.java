package dev.braid.workflow;

import dev.braid.activity.AgentActivities;
import dev.braid.activity.GitActivities;
import dev.braid.activity.PlanActivities;
import dev.braid.activity.PreparedWorktree;
import dev.braid.plan.TaskState;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

/**
 * The activities of one task bound to the host that holds its worktree, or to the shared queue
 * while it has none. Every one of them fails with a schedule-to-start timeout when that host stops
 * answering ({@link FailureText#lostHost}).
 */
final class TaskHost {
  private static final Logger log = Workflow.getLogger(TaskHost.class);

  final PreparedWorktree worktree;
  private final TaskRequest request;
  final PlanActivities planFiles;
  final GitActivities git;
  final AgentActivities manualWork;

  private TaskHost(TaskRequest request, PreparedWorktree worktree) {
    this.worktree = worktree;
    this.request = request;
    String queue = worktree == null ? BraidNames.TASK_QUEUE : worktree.hostTaskQueue();
    long wait = request.config().hostWaitSeconds();
    planFiles =
        Workflow.newActivityStub(PlanActivities.class, BraidActivityOptions.planFiles(queue, wait));
    git = Workflow.newActivityStub(GitActivities.class, BraidActivityOptions.push(queue, wait));
    manualWork =
        Workflow.newActivityStub(
            AgentActivities.class, BraidActivityOptions.manualWork(queue, request.config()));
  }

  /** The task's activities on the worktree's host. */
  static TaskHost of(TaskRequest request, PreparedWorktree worktree) {
    return new TaskHost(request, worktree);
  }

  /** Before any worktree exists: only the plan files, on the shared queue. */
  static TaskHost none(TaskRequest request) {
    return new TaskHost(request, null);
  }

  /**
   * Writes the task file's status, a mirror kept for humans and Contextune: the state of record is
   * in Temporal, so a file that cannot be written (deleted, unreadable) is logged, never a reason
   * to block the task, which could then not even write that it is blocked.
   */
  void mirror(TaskState state) {
    try {
      planFiles.setTaskStatus(request.planDir(), request.task().file(), state);
    } catch (ActivityFailure e) {
      if (FailureText.lostHost(e) || FailureText.cancelled(e)) {
        throw e;
      }
      log.warn(
          "task {}: its file's status stays as it was, not {}: {}",
          request.task().id(),
          state,
          FailureText.describe(e));
    }
  }

  boolean hasWorktree() {
    return worktree != null;
  }
}
