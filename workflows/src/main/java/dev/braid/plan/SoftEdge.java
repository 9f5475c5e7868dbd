package dev.braid.plan;

import java.util.List;

/**
 * A soft edge: two tasks that may run at the same time declare the same files, so {@code after}
 * waits for {@code before}'s merge and starts from its work. Unlike a dependency, it skips nothing:
 * when {@code before} is skipped or blocked, {@code after} goes on.
 *
 * @param before the task that goes first
 * @param after the task that waits for its merge
 * @param paths what both declare, as {@link FileOverlap#paths()} says
 */
public record SoftEdge(String before, String after, List<String> paths) {

  public SoftEdge {
    paths = List.copyOf(paths);
  }
}
