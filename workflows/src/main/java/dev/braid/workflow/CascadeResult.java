package dev.braid.workflow;

import dev.braid.activity.AttemptResult;

/**
 * How one go through the tiers ended.
 *
 * @param result the successful attempt, or null
 * @param tier the last tier that ran
 * @param failure why the last attempt failed, or null on success
 * @param failureType the last failure's application type, or null
 * @param hostLost no worker of the worktree's host took the attempt in time: the host is gone, the
 *     attempt never started and does not count
 */
record CascadeResult(
    AttemptResult result, String tier, String failure, String failureType, boolean hostLost) {

  CascadeResult(AttemptResult result, String tier, String failure) {
    this(result, tier, failure, null, false);
  }

  static CascadeResult lostHost(String tier) {
    return new CascadeResult(null, tier, "the host of the task's worktree is gone", null, true);
  }

  boolean succeeded() {
    return result != null;
  }
}
