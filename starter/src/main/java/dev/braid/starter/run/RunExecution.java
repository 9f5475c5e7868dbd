package dev.braid.starter.run;

import dev.braid.workflow.BraidNames;
import dev.braid.workflow.RunDigest;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.common.converter.DataConverter;
import java.util.Locale;

/**
 * One Temporal run of a braid run, as Temporal stores it: readable with no worker.
 *
 * @param workflowId the run's workflow id
 * @param temporalRunId the run that started this chain of executions: the id braid prints, which
 *     stays the same when the run continues as new
 * @param currentRunId this execution's own run id
 * @param status Temporal's status of the execution
 * @param startMillis when the execution started
 * @param closeMillis when it closed, or 0 while it runs
 * @param digest the run's memo ({@link BraidNames#MEMO_RUN}), or null for runs that predate it
 */
public record RunExecution(
    String workflowId,
    String temporalRunId,
    String currentRunId,
    WorkflowExecutionStatus status,
    long startMillis,
    long closeMillis,
    RunDigest digest) {

  static RunExecution of(WorkflowExecutionInfo info, DataConverter converter) {
    Payload memo = info.getMemo().getFieldsMap().get(BraidNames.MEMO_RUN);
    String first = info.getFirstRunId();
    return new RunExecution(
        info.getExecution().getWorkflowId(),
        first.isEmpty() ? info.getExecution().getRunId() : first,
        info.getExecution().getRunId(),
        info.getStatus(),
        Timestamps.millis(info.getStartTime()),
        info.hasCloseTime() ? Timestamps.millis(info.getCloseTime()) : 0,
        memo == null ? null : converter.fromPayload(memo, RunDigest.class, RunDigest.class));
  }

  /** Whether the run still runs. */
  public boolean running() {
    return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  /** The reference that names exactly this run. */
  public RunRef ref() {
    return new RunRef(workflowId, temporalRunId);
  }

  /** How it ended, in Temporal's words: {@code failed}, {@code timed out}, ... */
  public String statusLabel() {
    return status
        .name()
        .replace("WORKFLOW_EXECUTION_STATUS_", "")
        .replace('_', ' ')
        .toLowerCase(Locale.ROOT);
  }
}
