package dev.braid.activities.git;

import java.nio.file.Path;

/**
 * One worktree as {@code git worktree list --porcelain} describes it.
 *
 * @param path the worktree's directory, as git recorded it
 * @param branch the short name of the branch checked out there, or null for a detached head
 */
record WorktreeEntry(Path path, String branch) {

  /** Whether the branch is checked out here. */
  boolean holds(String shortBranch) {
    return shortBranch.equals(branch);
  }
}
