package dev.braid.activity;

import java.util.List;

/**
 * What to clean up after a run: the tasks' worktrees and merged branches, the run's integration
 * worktree and branch, and optionally an archived copy of the plan.
 *
 * @param repo the main checkout, absolute
 * @param runId the run, which names the integration branch {@code braid/<runId>}
 * @param planDir the plan directory, absolute; archived when {@code archive} is set
 * @param target the branch the work was merged into; only branches it contains are deleted
 * @param remote the remote whose copies of merged task branches are deleted, or null for none
 * @param taskIds the run's task ids; each names {@code worktrees/<id>} and {@code feature/<id>}
 * @param archive whether to copy the plan to {@code .parallel/archive/<plan dir name>-<date>/}
 * @param date the archive's date, {@code yyyy-MM-dd}; the caller gives it so that workflow code,
 *     which may not read the clock, can pass {@code Workflow.currentTimeMillis()} formatted
 */
public record CleanupRequest(
    String repo,
    String runId,
    String planDir,
    String target,
    String remote,
    List<String> taskIds,
    boolean archive,
    String date) {

  public CleanupRequest {
    taskIds = List.copyOf(taskIds);
  }
}
