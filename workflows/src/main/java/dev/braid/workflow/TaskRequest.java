package dev.braid.workflow;

import dev.braid.config.BraidConfig;
import dev.braid.plan.PlanTask;

/**
 * Starts one task's workflow.
 *
 * @param runId the parent run's workflow id
 * @param repo the main checkout, absolute
 * @param planDir the plan directory, absolute
 * @param task the task
 * @param config the run's settings
 * @param baseBranch the branch the task starts from: the run's integration branch, which holds its
 *     dependencies' merged work; null in runs from before the merge queue, which used the target
 * @param round why the task runs again, or null for its first run
 * @param rateLimitedUntil until when the run's agents are rate limited (epoch milliseconds), or 0
 * @param logRun the Temporal run that keys the run's logs (see {@link BraidNames#taskLogDir}), or
 *     null in runs from before logs were kept per Temporal run
 * @param taskText the task file's text from the run's input, or null when attempts read the file
 * @param statusQueue the queue of the host that started the run, where the task file's status is
 *     mirrored; null in runs from before, which wrote it on the task's own host
 * @param startBranch the branch a new worktree starts from when it is not {@code baseBranch}: a
 *     pull request's task starts from what its pull request is based on ({@link PullRequestBases});
 *     null for {@code baseBranch}
 * @param issue the task's GitHub issue number, or null
 * @param runBudget what the run's budget left the task as it started, or null without a run budget
 *     (and in runs from before attempts were held to it)
 */
public record TaskRequest(
    String runId,
    String repo,
    String planDir,
    PlanTask task,
    BraidConfig config,
    String baseBranch,
    TaskRound round,
    long rateLimitedUntil,
    String logRun,
    String taskText,
    String statusQueue,
    String startBranch,
    Integer issue,
    RunBudgetShare runBudget) {

  /** A request with no rate limit in force, as every request was before rate-limit waits. */
  public TaskRequest(
      String runId,
      String repo,
      String planDir,
      PlanTask task,
      BraidConfig config,
      String baseBranch,
      TaskRound round) {
    this(
        runId,
        repo,
        planDir,
        task,
        config,
        baseBranch,
        round,
        0,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** The folder of this task's logs. */
  public String logDir() {
    return BraidNames.taskLogDir(repo, runId, logRun, task.id());
  }

  /** The branch a new worktree of the task starts from. */
  public String start() {
    return startBranch != null ? startBranch : base();
  }

  /** The branch the task's work is merged with: it syncs with it for another round. */
  public String base() {
    return baseBranch != null ? baseBranch : config.merge().target();
  }
}
