package dev.braid.activity;

/**
 * Brings a pull request's branch up to date with its base as GitHub has it, in the task's worktree,
 * and pushes it.
 *
 * @param worktree the task's worktree, absolute, with the task branch checked out
 * @param remote the remote GitHub serves, such as {@code origin}
 * @param branch the task branch
 * @param base the base to merge in, as it is on the remote
 */
public record BranchUpdateRequest(String worktree, String remote, String branch, String base) {}
