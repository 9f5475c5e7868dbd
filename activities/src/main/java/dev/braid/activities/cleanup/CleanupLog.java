package dev.braid.activities.cleanup;

import dev.braid.activity.CleanupResult;
import java.util.ArrayList;
import java.util.List;

/** What one cleanup has done so far, in the order it did it; becomes the {@link CleanupResult}. */
final class CleanupLog {
  private final List<String> removedWorktrees = new ArrayList<>();
  private final List<String> deletedBranches = new ArrayList<>();
  private final List<String> keptBranches = new ArrayList<>();

  void removed(String worktree) {
    removedWorktrees.add(worktree);
  }

  void deleted(String branch) {
    deletedBranches.add(branch);
  }

  void kept(String branch, String why) {
    keptBranches.add(branch + ": " + why);
  }

  CleanupResult result(String archivedTo) {
    return new CleanupResult(removedWorktrees, deletedBranches, keptBranches, archivedTo);
  }
}
