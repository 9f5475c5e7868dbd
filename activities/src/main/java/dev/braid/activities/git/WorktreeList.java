package dev.braid.activities.git;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The worktrees a repository has registered, main checkout first. Read fresh for each decision,
 * because other tasks add and remove worktrees of the same repository concurrently.
 */
final class WorktreeList {
  private static final String BRANCH_PREFIX = "refs/heads/";

  private final List<WorktreeEntry> entries;

  private WorktreeList(List<WorktreeEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Reads the list through git. */
  static WorktreeList read(GitCli git) {
    return parse(git.run("worktree", "list", "--porcelain"));
  }

  /** Parses the porcelain format: blocks of lines separated by blank lines. */
  static WorktreeList parse(String porcelain) {
    List<WorktreeEntry> entries = new ArrayList<>();
    Path path = null;
    String branch = null;
    for (String line : (porcelain + "\n\n").split("\n", -1)) {
      if (line.startsWith("worktree ")) {
        path = Path.of(line.substring("worktree ".length()));
      } else if (line.startsWith("branch ")) {
        String ref = line.substring("branch ".length());
        branch = ref.startsWith(BRANCH_PREFIX) ? ref.substring(BRANCH_PREFIX.length()) : ref;
      } else if (line.isBlank() && path != null) {
        entries.add(new WorktreeEntry(path, branch));
        path = null;
        branch = null;
      }
    }
    return new WorktreeList(entries);
  }

  /** Every registered worktree. */
  List<WorktreeEntry> entries() {
    return entries;
  }

  /** The worktree that has the branch checked out and still exists on disk. */
  Optional<WorktreeEntry> holderOf(String branch) {
    return entries.stream().filter(e -> e.holds(branch)).filter(WorktreeList::exists).findFirst();
  }

  /** The existing worktree registered at this path, whatever it has checked out. */
  Optional<WorktreeEntry> at(Path path) {
    Path want = GitPaths.canonical(path);
    return entries.stream()
        .filter(e -> exists(e) && GitPaths.canonical(e.path()).equals(want))
        .findFirst();
  }

  /**
   * Whether a registered worktree's directory is gone (main checkout aside), which only {@code git
   * worktree prune} clears.
   */
  boolean anyGone() {
    return entries.stream().skip(1).anyMatch(e -> !exists(e));
  }

  /** Whether the worktree is still on disk; git itself prunes one whose {@code .git} is gone. */
  private static boolean exists(WorktreeEntry entry) {
    return Files.exists(entry.path().resolve(".git"));
  }
}
