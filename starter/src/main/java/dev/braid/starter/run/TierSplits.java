package dev.braid.starter.run;

import dev.braid.activity.AttemptResult;
import dev.braid.activity.TierUsage;
import dev.braid.starter.temporal.Connection;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.common.converter.DataConverter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The split by tier of each task's spend, as the task's last successful attempt recorded it: the
 * result of its last completed {@code Attempt} activity, read from the task workflows' histories.
 * That result is what the task's usage in the run's status comes from too, so the two agree; and a
 * history is on the server, readable with no worker and from any host, unlike the attempt records
 * in a worktree. The run's own status does not carry the split (it would need a field of the
 * workflow's task status).
 */
public final class TierSplits {
  private static final Logger log = LoggerFactory.getLogger(TierSplits.class);

  /** The activity type of {@code AgentActivities.attempt}, as Temporal names it. */
  static final String ATTEMPT = "Attempt";

  private TierSplits() {}

  /**
   * By task id, the split its last successful attempt recorded; a task with none is left out. A
   * server that cannot be read leaves every split out, and the report says the spend per tier is
   * unknown rather than fail.
   */
  public static Map<String, List<TierUsage>> of(Connection connection, RunExecution run) {
    Map<String, List<TierUsage>> splits = new LinkedHashMap<>();
    try {
      DataConverter converter = connection.client().getOptions().getDataConverter();
      TaskExecutions.executionsOf(connection, run)
          .forEach(
              (task, executions) -> {
                for (int i = executions.size() - 1; i >= 0; i--) {
                  Optional<AttemptResult> last =
                      lastAttempt(connection, executions.get(i), converter);
                  if (last.isPresent()) {
                    if (last.get().usageByTier() != null) {
                      splits.put(task, last.get().usageByTier());
                    }
                    return;
                  }
                }
              });
    } catch (RuntimeException e) {
      log.warn("could not read the task workflows of {} for the spend per tier", run, e);
      return Map.of();
    }
    return splits;
  }

  /** As {@link #of(Connection, RunExecution)}, for the Temporal run a reference names. */
  public static Map<String, List<TierUsage>> of(Connection connection, RunRef ref) {
    try {
      return RunExecutions.describe(connection, ref)
          .map(run -> of(connection, run))
          .orElse(Map.of());
    } catch (RuntimeException e) {
      log.warn("could not describe {} for the spend per tier", ref, e);
      return Map.of();
    }
  }

  /** The result of the execution's last completed attempt, if it has one. */
  private static Optional<AttemptResult> lastAttempt(
      Connection connection, WorkflowExecution execution, DataConverter converter) {
    Map<Long, String> types = new HashMap<>();
    HistoryEvent last = null;
    com.google.protobuf.ByteString page = com.google.protobuf.ByteString.EMPTY;
    do {
      GetWorkflowExecutionHistoryResponse response =
          connection
              .stubs()
              .blockingStub()
              .getWorkflowExecutionHistory(
                  GetWorkflowExecutionHistoryRequest.newBuilder()
                      .setNamespace(connection.namespace())
                      .setExecution(execution)
                      .setNextPageToken(page)
                      .build());
      for (HistoryEvent event : response.getHistory().getEventsList()) {
        if (event.hasActivityTaskScheduledEventAttributes()) {
          types.put(
              event.getEventId(),
              event.getActivityTaskScheduledEventAttributes().getActivityType().getName());
        } else if (event.hasActivityTaskCompletedEventAttributes()
            && ATTEMPT.equals(
                types.get(event.getActivityTaskCompletedEventAttributes().getScheduledEventId()))) {
          last = event;
        }
      }
      page = response.getNextPageToken();
    } while (!page.isEmpty());
    if (last == null || !last.getActivityTaskCompletedEventAttributes().hasResult()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        converter.fromPayloads(
            0,
            Optional.of(last.getActivityTaskCompletedEventAttributes().getResult()),
            AttemptResult.class,
            AttemptResult.class));
  }
}
