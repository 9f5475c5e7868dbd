package dev.braid.activity;

import java.util.List;

/**
 * How bringing a pull request's branch up to date went.
 *
 * @param head the branch's head after the call; with conflicts, its head before the merge
 * @param merged whether a merge commit was made (false when the base was already in)
 * @param pushed whether the remote's branch moved
 * @param conflictingFiles the files with conflicts, left mid-merge in the worktree for a resolver;
 *     empty when the merge went through
 */
public record BranchUpdateResult(
    String head, boolean merged, boolean pushed, List<String> conflictingFiles) {

  public BranchUpdateResult {
    conflictingFiles = List.copyOf(conflictingFiles);
  }

  /** Whether the worktree is left mid-merge with conflicts, and nothing was pushed. */
  public boolean conflicted() {
    return !conflictingFiles.isEmpty();
  }
}
