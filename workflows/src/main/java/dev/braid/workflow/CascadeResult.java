package dev.braid.workflow;

import dev.braid.activity.AttemptResult;

/**
 * How one go through the tiers ended.
 *
 * @param result the successful attempt, or null
 * @param tier the last tier that ran
 * @param failure why the last attempt failed, or null on success
 */
record CascadeResult(AttemptResult result, String tier, String failure) {
  boolean succeeded() {
    return result != null;
  }
}
