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
    String statusQueue) {

  /** A request with no rate limit in force, as every request was before rate-limit waits. */
  public TaskRequest(
      String runId,
      String repo,
      String planDir,
      PlanTask task,
      BraidConfig config,
      String baseBranch,
      TaskRound round) {
    this(runId, repo, planDir, task, config, baseBranch, round, 0, null, null, null);
  }

  /** The folder of this task's logs. */
  public String logDir() {
    return BraidNames.taskLogDir(repo, runId, logRun, task.id());
  }

  /** The branch the task's branch starts from. */
  public String base() {
    return baseBranch != null ? baseBranch : config.merge().target();
  }
}
