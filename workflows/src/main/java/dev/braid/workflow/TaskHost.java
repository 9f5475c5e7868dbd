package dev.braid.workflow;

import dev.braid.activity.AgentActivities;
import dev.braid.activity.GitActivities;
import dev.braid.activity.PlanActivities;
import dev.braid.activity.PreparedWorktree;
import io.temporal.workflow.Workflow;

/**
 * The activities of one task bound to the host that holds its worktree, or to the shared queue
 * while it has none. Every one of them fails with a schedule-to-start timeout when that host stops
 * answering ({@link FailureText#lostHost}).
 */
final class TaskHost {
  final PreparedWorktree worktree;
  final PlanActivities planFiles;
  final GitActivities git;
  final AgentActivities manualWork;

  private TaskHost(TaskRequest request, PreparedWorktree worktree) {
    this.worktree = worktree;
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

  boolean hasWorktree() {
    return worktree != null;
  }
}
