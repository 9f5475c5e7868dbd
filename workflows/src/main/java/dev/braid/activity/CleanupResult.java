package dev.braid.activity;

import java.util.List;

/**
 * What a cleanup did. A second cleanup of the same run finds nothing left to do and returns empty
 * lists, with the same {@code archivedTo}.
 *
 * @param removedWorktrees the worktrees removed, absolute
 * @param deletedBranches the branches deleted: local ones by name ({@code feature/a}), remote ones
 *     prefixed by the remote ({@code origin/feature/a})
 * @param keptBranches each branch kept because it may hold work, as {@code "branch: why"}
 * @param archivedTo the plan's archive directory, absolute, or null when not archived
 */
public record CleanupResult(
    List<String> removedWorktrees,
    List<String> deletedBranches,
    List<String> keptBranches,
    String archivedTo) {

  public CleanupResult {
    removedWorktrees = List.copyOf(removedWorktrees);
    deletedBranches = List.copyOf(deletedBranches);
    keptBranches = List.copyOf(keptBranches);
  }
}
