package dev.braid.starter.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.starter.temporal.Connection;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a run works, read from its own workflow input ({@code RunRequest}), the first event of its
 * history: the plan may live anywhere, and only the run knows where. It is read as a JSON tree, not
 * as the record, so a run started by another braid version with other settings still reads.
 *
 * @param repo the repository the run works on
 * @param planDir the run's plan directory
 * @param target the branch the run merges into, or null when its settings do not say
 * @param remote the remote it pushes to, or null when its settings do not say
 */
public record RunInput(Path repo, Path planDir, String target, String remote) {

  /** The input of the execution, or empty when its first event holds no readable request. */
  public static Optional<RunInput> of(Connection connection, RunExecution execution) {
    var history =
        connection
            .stubs()
            .blockingStub()
            .getWorkflowExecutionHistory(
                GetWorkflowExecutionHistoryRequest.newBuilder()
                    .setNamespace(connection.namespace())
                    .setExecution(
                        WorkflowExecution.newBuilder()
                            .setWorkflowId(execution.workflowId())
                            .setRunId(execution.currentRunId()))
                    .setMaximumPageSize(1)
                    .build())
            .getHistory();
    if (history.getEventsCount() == 0
        || !history.getEvents(0).hasWorkflowExecutionStartedEventAttributes()) {
      return Optional.empty();
    }
    Payloads input = history.getEvents(0).getWorkflowExecutionStartedEventAttributes().getInput();
    if (input.getPayloadsCount() == 0) {
      return Optional.empty();
    }
    JsonNode request =
        connection
            .client()
            .getOptions()
            .getDataConverter()
            .fromPayload(input.getPayloads(0), JsonNode.class, JsonNode.class);
    if (request == null || !request.hasNonNull("repo") || !request.hasNonNull("planDir")) {
      return Optional.empty();
    }
    JsonNode merge = request.path("config").path("merge");
    return Optional.of(
        new RunInput(
            Path.of(request.get("repo").asText()),
            Path.of(request.get("planDir").asText()),
            merge.hasNonNull("target") ? merge.get("target").asText() : null,
            merge.hasNonNull("remote") ? merge.get("remote").asText() : null));
  }
}
