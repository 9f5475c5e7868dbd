package dev.braid.starter.run;

import dev.braid.starter.temporal.Connection;
import dev.braid.starter.temporal.StarterSearchAttributes;
import dev.braid.workflow.BraidNames;
import dev.braid.workflow.RunDigest;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.common.converter.DataConverter;
import java.util.List;
import java.util.Map;

/**
 * The runs in a namespace, newest first, from visibility alone: one call, whatever the number of
 * runs, and no worker. The workflow type tells braid's runs from its task workflows.
 */
public final class RunList {
  /** The run workflow's type, as Temporal names it. */
  static final String RUN_WORKFLOW_TYPE = "ExecuteWorkflow";

  private RunList() {}

  /**
   * @param repo the repository whose runs to list, or null for every run of the namespace
   * @param limit at most this many, the newest
   */
  public static List<RunListing> of(Connection connection, RepoFilter repo, int limit) {
    DataConverter converter = connection.client().getOptions().getDataConverter();
    return connection
        .stubs()
        .blockingStub()
        .listWorkflowExecutions(
            ListWorkflowExecutionsRequest.newBuilder()
                .setNamespace(connection.namespace())
                .setQuery(query(repo))
                .setPageSize(limit)
                .build())
        .getExecutionsList()
        .stream()
        .map(info -> listing(info, converter))
        // Visibility puts running runs first; braid lists the newest started first.
        .sorted(java.util.Comparator.comparingLong(RunListing::startedAtMillis).reversed())
        .limit(limit)
        .toList();
  }

  /** The visibility query: braid's runs, of one repository when it is named. */
  static String query(RepoFilter repo) {
    // A run that continued as new goes on in its newest execution; the older ones are history.
    String runs =
        "WorkflowType = '" + RUN_WORKFLOW_TYPE + "' AND ExecutionStatus != 'ContinuedAsNew'";
    if (repo == null) {
      return runs;
    }
    // BraidRepo holds the repository's identity, the same in every clone; runs started before
    // braid stored the identity hold the starting clone's path.
    return runs
        + " AND ("
        + repo.values().stream()
            .map(value -> StarterSearchAttributes.SA_REPO + " = '" + quoted(value) + "'")
            .collect(java.util.stream.Collectors.joining(" OR "))
        + ")";
  }

  private static String quoted(String value) {
    return value.replace("\\", "\\\\").replace("'", "\\'");
  }

  private static RunListing listing(WorkflowExecutionInfo info, DataConverter converter) {
    Map<String, Payload> attributes = info.getSearchAttributes().getIndexedFieldsMap();
    Payload memo = info.getMemo().getFieldsMap().get(BraidNames.MEMO_RUN);
    RunDigest digest =
        memo == null ? null : converter.fromPayload(memo, RunDigest.class, RunDigest.class);
    String braidState = text(attributes.get(BraidNames.SA_STATE), converter);
    String state =
        braidState != null && !endedOtherwise(info.getStatus())
            ? braidState
            : info.getStatus()
                .name()
                .replace("WORKFLOW_EXECUTION_STATUS_", "")
                .replace('_', ' ')
                .toLowerCase(java.util.Locale.ROOT);
    return new RunListing(
        info.getExecution().getWorkflowId(),
        info.getExecution().getRunId(),
        state,
        text(attributes.get(BraidNames.SA_PLAN), converter),
        number(attributes.get(BraidNames.SA_TASKS_DONE), converter),
        number(attributes.get(BraidNames.SA_TASKS_BLOCKED), converter),
        digest == null ? -1 : digest.total(),
        Timestamps.millis(info.getStartTime()),
        info.hasCloseTime() ? Timestamps.millis(info.getCloseTime()) : 0,
        text(attributes.get(StarterSearchAttributes.SA_REPO), converter));
  }

  /** Ended in a way braid's own state does not tell: Temporal's status says it better. */
  private static boolean endedOtherwise(WorkflowExecutionStatus status) {
    return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED
        || status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED
        || status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TIMED_OUT;
  }

  private static String text(Payload payload, DataConverter converter) {
    return payload == null ? null : converter.fromPayload(payload, String.class, String.class);
  }

  private static long number(Payload payload, DataConverter converter) {
    if (payload == null) {
      return -1;
    }
    Long value = converter.fromPayload(payload, Long.class, Long.class);
    return value == null ? -1 : value;
  }
}
