package dev.braid.activity;

import java.util.List;

/**
 * How bringing a task branch up to its base went.
 *
 * @param head the task branch's head; with conflicts, the head before the merge
 * @param conflictingFiles the files with conflicts, left mid-merge for a resolver; empty when the
 *     merge went through
 */
public record SyncResult(String head, List<String> conflictingFiles) {

  public SyncResult {
    conflictingFiles = List.copyOf(conflictingFiles);
  }

  /** Whether the worktree is left mid-merge with conflicts. */
  public boolean conflicted() {
    return !conflictingFiles.isEmpty();
  }
}
