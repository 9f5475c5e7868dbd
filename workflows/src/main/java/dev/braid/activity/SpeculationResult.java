package dev.braid.activity;

import java.util.List;

/**
 * What a merge step checked ahead found: the branches merged on top of the steps before it, in a
 * worktree of its own, and whether the checks passed on the result. Nothing moved.
 *
 * @param merged the branches the result contains, in merge order
 * @param conflicted the branches that conflicted and were left out
 * @param checksPassed whether the checks passed on the result; false when any branch conflicted,
 *     since then the step that follows cannot reach the same result
 * @param tree the git tree of the result: a step whose merge yields this tree need not check it
 *     again, wherever it runs
 */
public record SpeculationResult(
    List<String> merged, List<String> conflicted, boolean checksPassed, String tree) {

  public SpeculationResult {
    merged = List.copyOf(merged);
    conflicted = List.copyOf(conflicted);
  }
}
