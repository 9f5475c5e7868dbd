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
 * @param logRun the Temporal run whose log folder is written to, or null for the older layout
 */
public record ManualWorkRequest(
    String runId,
    String taskId,
    String repo,
    String worktree,
    List<List<String>> checks,
    String logRun) {

  public ManualWorkRequest {
    checks = checks.stream().map(List::copyOf).toList();
  }

  /** A request in the log layout of runs from before logs were kept per Temporal run. */
  public ManualWorkRequest(
      String runId, String taskId, String repo, String worktree, List<List<String>> checks) {
    this(runId, taskId, repo, worktree, checks, null);
  }
}
