package dev.braid.workflow;

/**
 * Where one run's logs go. Logs are kept per Temporal run, so executing a plan again never appends
 * to the logs of the run before it; the key is the first execution's run id, which a run keeps when
 * it continues as new.
 *
 * @param repo the main checkout, absolute
 * @param runId the run's workflow id
 * @param logRun the Temporal run that keys the folder, or null in runs from before logs were kept
 *     per Temporal run (they wrote to {@code .parallel/logs/<run>/<task>})
 */
record RunLogs(String repo, String runId, String logRun) {

  /** The change that moved logs from one folder per workflow id to one per Temporal run. */
  static final String LOGS_PER_RUN_CHANGE = "logs-per-run";

  /** The logs of the running workflow; asked once, when the run starts. */
  static RunLogs current(String repo) {
    var info = io.temporal.workflow.Workflow.getInfo();
    boolean perRun =
        io.temporal.workflow.Workflow.getVersion(
                LOGS_PER_RUN_CHANGE, io.temporal.workflow.Workflow.DEFAULT_VERSION, 1)
            >= 1;
    return new RunLogs(repo, info.getWorkflowId(), perRun ? info.getFirstExecutionRunId() : null);
  }

  /** The folder of a task's logs. */
  String task(String taskId) {
    return BraidNames.taskLogDir(repo, runId, logRun, taskId);
  }
}
