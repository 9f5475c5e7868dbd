package dev.braid.activity;

/**
 * Brings a task branch up to its base, so that a task whose branch conflicts with what was merged
 * before it can resolve the conflict in its own worktree.
 *
 * @param worktree the task's worktree, absolute
 * @param baseBranch the branch to merge into the task branch, such as the integration branch
 */
public record SyncRequest(String worktree, String baseBranch) {}
