package dev.braid.activities.cleanup;

import dev.braid.activity.CleanupResult;

/**
 * Applies cleanup's rule to one worktree and its branch, and records what happened: a kept worktree
 * keeps its branch; a branch kept locally keeps its remote copy; a remote copy goes only when the
 * target contains it.
 */
final class Sweep {
  private final CleanupLog done = new CleanupLog();
  private final BranchSweeper branches;
  private final RemoteBranches remote;
  private final String target;

  Sweep(BranchSweeper branches, RemoteBranches remote, String target) {
    this.branches = branches;
    this.remote = remote;
    this.target = target;
    remote.unreachable().ifPresent(why -> done.kept(remote.name(), why));
  }

  /** Records what became of the worktree, then deals with its branch unless the worktree stays. */
  void worktree(String path, Decision tree, String branch) {
    if (tree.done()) {
      done.removed(path);
    }
    if (tree.kept()) {
      done.kept(branch, tree.keptBecause());
      return;
    }
    branch(branch);
  }

  /** Deletes the branch, then its remote copy, each only when the target contains it. */
  void branch(String branch) {
    Decision local = branches.deleteIfMerged(branch);
    if (local.kept()) {
      done.kept(branch, local.keptBecause());
      return;
    }
    if (local.done()) {
      done.deleted(branch);
    }
    Decision onRemote = remote.deleteIfMerged(branch, target);
    if (onRemote.kept()) {
      done.kept(remote.name() + "/" + branch, onRemote.keptBecause());
    } else if (onRemote.done()) {
      done.deleted(remote.name() + "/" + branch);
    }
  }

  /** Records a worktree braid removed without a branch of its own to deal with. */
  void removedOnly(String path, Decision tree) {
    if (tree.done()) {
      done.removed(path);
    } else if (tree.kept()) {
      done.kept(path, tree.keptBecause());
    }
  }

  CleanupResult result(String archivedTo) {
    return done.result(archivedTo);
  }
}
