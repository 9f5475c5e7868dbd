package dev.braid.activity;

import java.util.List;

/**
 * A human says they finished a blocked task by hand: commit what is in the worktree and run the
 * checks, with no agent.
 *
 * @param runId the run, for the log path
 * @param taskId the task
 * @param repo the main checkout, absolute
 * @param worktree the task's worktree, absolute
 * @param checks argv lists that must all exit 0
 */
public record ManualWorkRequest(
    String runId, String taskId, String repo, String worktree, List<List<String>> checks) {

  public ManualWorkRequest {
    checks = checks.stream().map(List::copyOf).toList();
  }
}
