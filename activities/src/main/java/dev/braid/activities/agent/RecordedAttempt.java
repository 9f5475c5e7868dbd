package dev.braid.activities.agent;

import dev.braid.activity.AttemptResult;

/**
 * A successful attempt as written to the task's state directory before the activity returns, so
 * that a retry after a lost completion returns it instead of running the agent again.
 *
 * @param runId the run it belongs to; a result of another run in a reused worktree is ignored
 * @param tier the tier that produced it
 * @param result what the activity returned
 */
record RecordedAttempt(String runId, String tier, AttemptResult result) {}
