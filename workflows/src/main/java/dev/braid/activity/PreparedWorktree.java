package dev.braid.activity;

/**
 * A task's worktree, ready for the agent.
 *
 * @param hostTaskQueue the task queue of the host that holds the worktree; every later activity of
 *     the task runs there
 * @param path the worktree, absolute
 * @param branch the task's branch
 * @param baseCommit the commit the branch started from
 */
public record PreparedWorktree(
    String hostTaskQueue, String path, String branch, String baseCommit) {}
