package dev.braid.starter.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.concurrent.TimeUnit;

/**
 * Asks a cluster two short questions before braid uses it, so that each way it can be unusable gets
 * its own message and its fix at once, rather than a minute's wait and a message about something
 * else: does anything answer at the address, and does the namespace exist for these credentials.
 */
final class ConnectionProbe {
  private ConnectionProbe() {}

  static void check(WorkflowServiceStubs stubs, TemporalSettings settings) {
    long timeout = TemporalDefaults.PROBE_TIMEOUT.toMillis();
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(timeout, TimeUnit.MILLISECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    } catch (StatusRuntimeException e) {
      throw unusable(e, settings.address(), settings, false);
    }
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(timeout, TimeUnit.MILLISECONDS)
          .describeNamespace(
              DescribeNamespaceRequest.newBuilder().setNamespace(settings.namespace()).build());
    } catch (StatusRuntimeException e) {
      throw unusable(e, settings.address(), settings, true);
    }
  }

  /** gRPC's description, and the cause beneath it, which says more ("Connection refused"). */
  private static String detail(StatusRuntimeException e) {
    StringBuilder detail = new StringBuilder();
    if (e.getStatus().getDescription() != null) {
      detail.append(": ").append(e.getStatus().getDescription());
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e && root.getMessage() != null) {
      detail.append(" (").append(root.getMessage()).append(')');
    }
    return detail.toString();
  }

  /** The message for a failed call: what failed, from which setting, and what to change. */
  static TemporalUnreachable unusable(
      StatusRuntimeException e, Connection connection, boolean namespaceCall) {
    return unusable(e, connection.address(), connection.settings(), namespaceCall);
  }

  private static TemporalUnreachable unusable(
      StatusRuntimeException e, String address, TemporalSettings settings, boolean namespaceCall) {
    Status.Code code = e.getStatus().getCode();
    String detail = detail(e);
    String at = "Temporal at " + address + " (address from " + settings.addressFrom() + ")";
    String message =
        switch (code) {
          case UNAVAILABLE ->
              "cannot reach "
                  + at
                  + detail
                  + ". Check the address (--address, TEMPORAL_ADDRESS or the profile's address),"
                  + " that the service runs, and TLS (a Temporal Cloud address needs TLS or an API"
                  + " key)";
          case DEADLINE_EXCEEDED ->
              "cannot reach "
                  + at
                  + ": no answer within "
                  + TemporalDefaults.PROBE_TIMEOUT.toSeconds()
                  + " s. Check the address (--address, TEMPORAL_ADDRESS or the profile's address)"
                  + " and that nothing between here and there drops the connection";
          case NOT_FOUND ->
              "namespace '"
                  + settings.namespace()
                  + "' (from "
                  + settings.namespaceFrom()
                  + ") does not exist on "
                  + at
                  + ". Name an existing one with --namespace or TEMPORAL_NAMESPACE, or create it:"
                  + " temporal operator namespace create --namespace "
                  + settings.namespace()
                  + " --address "
                  + settings.address();
          case UNAUTHENTICATED ->
              at
                  + " did not accept braid's credentials"
                  + detail
                  + ". Set TEMPORAL_API_KEY (or the profile's api_key), or the TLS client"
                  + " certificate (TEMPORAL_TLS_CLIENT_CERT_PATH and TEMPORAL_TLS_CLIENT_KEY_PATH)";
          case PERMISSION_DENIED ->
              at
                  + " refused braid "
                  + (namespaceCall ? "namespace '" + settings.namespace() + "'" : "access")
                  + detail
                  + ". Use credentials allowed in that namespace (TEMPORAL_API_KEY, or the TLS"
                  + " client certificate), or ask its administrator for access";
          default ->
              (namespaceCall
                      ? "cannot use namespace '" + settings.namespace() + "' on "
                      : "cannot use ")
                  + at
                  + " ("
                  + code
                  + detail
                  + ")";
        };
    return new TemporalUnreachable(message, e);
  }
}
