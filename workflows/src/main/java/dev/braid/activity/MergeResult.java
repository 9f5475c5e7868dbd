package dev.braid.activity;

import java.util.List;

/**
 * What the merge did.
 *
 * @param merged the branches now in the target, in merge order
 * @param conflicted the branches left out because they conflicted
 * @param checksPassed whether the checks passed on the merged result
 * @param checksOutput the tail of the checks' output when they failed, else empty
 * @param targetHead the target branch's head after the merge
 * @param pushed whether the target was pushed to the remote
 */
public record MergeResult(
    List<String> merged,
    List<String> conflicted,
    boolean checksPassed,
    String checksOutput,
    String targetHead,
    boolean pushed) {

  public MergeResult {
    merged = List.copyOf(merged);
    conflicted = List.copyOf(conflicted);
  }
}
