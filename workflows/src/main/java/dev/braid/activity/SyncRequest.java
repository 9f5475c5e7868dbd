package dev.braid.activity;

/**
 * Brings a task branch up to its base, so that a task whose branch conflicts with what was merged
 * before it can resolve the conflict in its own worktree.
 *
 * @param worktree the task's worktree, absolute
 * @param baseBranch the branch to merge into the task branch, such as the integration branch
 * @param remote the remote an integration branch is fetched from when this checkout lacks it or has
 *     an older head of it (the merge queue pushed it from another host), or null to look only
 *     locally
 */
public record SyncRequest(String worktree, String baseBranch, String remote) {

  /** A request that looks only locally, as recorded by runs from before the remote was passed. */
  public SyncRequest(String worktree, String baseBranch) {
    this(worktree, baseBranch, null);
  }
}
