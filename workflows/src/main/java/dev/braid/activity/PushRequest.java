package dev.braid.activity;

/**
 * Publishes a task branch.
 *
 * @param worktree the task's worktree, absolute
 * @param branch the branch to push
 * @param remote the remote's name; nothing is pushed when the repository has no such remote
 */
public record PushRequest(String worktree, String branch, String remote) {}
