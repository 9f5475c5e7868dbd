package dev.braid.plan;

import java.util.List;

/**
 * Two tasks that may run at the same time (neither depends on the other, directly or through
 * others) and declare some of the same files.
 *
 * @param first the task that comes first in the plan
 * @param second the other task
 * @param paths what both declare: a path both name, a path one names that the other's glob matches,
 *     or a glob both name
 */
public record FileOverlap(String first, String second, List<String> paths) {

  public FileOverlap {
    paths = List.copyOf(paths);
  }
}
