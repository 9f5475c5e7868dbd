package dev.braid.starter.run;

import dev.braid.starter.temporal.Connection;
import dev.braid.workflow.BraidNames;
import dev.braid.workflow.TaskProgress;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.common.converter.DataConverter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lists a run's task workflows through visibility: they are its children, so {@code
 * ParentWorkflowId} finds them, with their memos, and no worker is asked.
 */
public final class TaskExecutions {
  private TaskExecutions() {}

  /**
   * The task workflows of one run, by task id, in the order they started. Earlier runs of the same
   * plan share the workflow id, so only children started while this run ran are its own.
   */
  public static Map<String, TaskExecution> of(Connection connection, RunExecution run) {
    String prefix = run.workflowId() + "/";
    DataConverter converter = connection.client().getOptions().getDataConverter();
    Map<String, TaskExecution> tasks = new LinkedHashMap<>();
    for (WorkflowExecutionInfo info : ofThisRun(connection, run)) {
      String id = info.getExecution().getWorkflowId();
      TaskExecution seen = tasks.get(id.substring(prefix.length()));
      TaskExecution now = task(id.substring(prefix.length()), info, converter);
      if (seen == null) {
        tasks.put(now.taskId(), now);
      } else {
        TaskExecution newer = now.startedAtMillis() >= seen.startedAtMillis() ? now : seen;
        tasks.put(
            now.taskId(),
            new TaskExecution(
                newer.taskId(),
                newer.status(),
                Math.min(now.startedAtMillis(), seen.startedAtMillis()),
                newer.closedAtMillis(),
                newer.progress()));
      }
    }
    return tasks;
  }

  /**
   * Every execution of each task workflow of the run, by task id, oldest first: the merge queue
   * starts a task's workflow again under the same id.
   */
  public static Map<String, java.util.List<WorkflowExecution>> executionsOf(
      Connection connection, RunExecution run) {
    String prefix = run.workflowId() + "/";
    Map<String, java.util.List<WorkflowExecution>> tasks = new LinkedHashMap<>();
    for (WorkflowExecutionInfo info : ofThisRun(connection, run)) {
      String task = info.getExecution().getWorkflowId().substring(prefix.length());
      tasks.computeIfAbsent(task, k -> new java.util.ArrayList<>()).add(info.getExecution());
    }
    return tasks;
  }

  /** The run's children started while it ran, oldest first. */
  private static java.util.List<WorkflowExecutionInfo> ofThisRun(
      Connection connection, RunExecution run) {
    long from = run.digest() != null ? run.digest().startedAtMillis() : run.startMillis();
    from = Math.min(from, run.startMillis());
    long to = run.closeMillis() == 0 ? Long.MAX_VALUE : run.closeMillis();
    String prefix = run.workflowId() + "/";
    java.util.List<WorkflowExecutionInfo> mine = new java.util.ArrayList<>();
    for (WorkflowExecutionInfo info : list(connection, run.workflowId())) {
      long start = Timestamps.millis(info.getStartTime());
      if (start >= from && start <= to && info.getExecution().getWorkflowId().startsWith(prefix)) {
        mine.add(info);
      }
    }
    return mine;
  }

  private static TaskExecution task(String taskId, WorkflowExecutionInfo info, DataConverter dc) {
    Payload memo = info.getMemo().getFieldsMap().get(BraidNames.MEMO_TASK);
    return new TaskExecution(
        taskId,
        info.getStatus(),
        Timestamps.millis(info.getStartTime()),
        info.hasCloseTime() ? Timestamps.millis(info.getCloseTime()) : 0,
        memo == null ? null : dc.fromPayload(memo, TaskProgress.class, TaskProgress.class));
  }

  /** Every child of the workflow id, oldest first, page by page. */
  private static java.util.List<WorkflowExecutionInfo> list(Connection connection, String runId) {
    java.util.List<WorkflowExecutionInfo> all = new java.util.ArrayList<>();
    com.google.protobuf.ByteString page = com.google.protobuf.ByteString.EMPTY;
    do {
      ListWorkflowExecutionsResponse response =
          connection
              .stubs()
              .blockingStub()
              .listWorkflowExecutions(
                  ListWorkflowExecutionsRequest.newBuilder()
                      .setNamespace(connection.namespace())
                      .setQuery("ParentWorkflowId = '" + runId.replace("'", "\\'") + "'")
                      .setNextPageToken(page)
                      .build());
      all.addAll(response.getExecutionsList());
      page = response.getNextPageToken();
    } while (!page.isEmpty());
    // Visibility lists the newest first; the run's own order is the order its tasks started.
    all.sort(java.util.Comparator.comparingLong(i -> Timestamps.millis(i.getStartTime())));
    return all;
  }
}
