package dev.braid.starter.temporal;

import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A connection to a Temporal service, embedded or not.
 *
 * @param stubs the gRPC stubs
 * @param client the workflow client
 * @param address the frontend address, for messages
 * @param namespace the namespace
 * @param webUi the Web UI's base URL, or null when braid does not know it
 * @param embedded whether this is the embedded dev server, which needs an in-process worker
 * @param settings the settings it was made from, which messages name
 */
public record Connection(
    WorkflowServiceStubs stubs,
    WorkflowClient client,
    String address,
    String namespace,
    String webUi,
    boolean embedded,
    TemporalSettings settings) {

  /** The Web UI page of one workflow, or null. */
  public String workflowUrl(String workflowId) {
    if (webUi == null) {
      return null;
    }
    return webUi
        + "/namespaces/"
        + URLEncoder.encode(namespace, StandardCharsets.UTF_8)
        + "/workflows/"
        + URLEncoder.encode(workflowId, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The Web UI page of one Temporal run of a workflow, or null; the newest when runId is null. */
  public String workflowUrl(String workflowId, String runId) {
    String url = workflowUrl(workflowId);
    return url == null || runId == null
        ? url
        : url + "/" + URLEncoder.encode(runId, StandardCharsets.UTF_8);
  }
}
