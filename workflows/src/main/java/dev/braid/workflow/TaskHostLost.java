package dev.braid.workflow;

/** No worker of the worktree's host took an activity in time; thrown from inside a task's step. */
final class TaskHostLost extends RuntimeException {
  TaskHostLost() {
    super("the task's host is not answering", null, false, false);
  }
}
