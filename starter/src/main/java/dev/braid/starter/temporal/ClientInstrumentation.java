package dev.braid.starter.temporal;

import com.uber.m3.tally.Scope;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.List;

/**
 * What a worker adds to its connection: the SDK's metrics scope and the client's interceptors
 * (tracing). Commands other than {@code braid worker} connect without any.
 *
 * @param metricsScope where the SDK reports its metrics, or null for nowhere
 * @param interceptors the workflow client's interceptors
 */
public record ClientInstrumentation(
    Scope metricsScope, List<WorkflowClientInterceptor> interceptors) {
  /** Nothing added. */
  public static final ClientInstrumentation NONE = new ClientInstrumentation(null, List.of());

  public ClientInstrumentation {
    interceptors = List.copyOf(interceptors);
  }

  /** The stubs' options with the metrics scope, when there is one. */
  WorkflowServiceStubsOptions apply(WorkflowServiceStubsOptions options) {
    return metricsScope == null
        ? options
        : WorkflowServiceStubsOptions.newBuilder(options).setMetricsScope(metricsScope).build();
  }

  /** The client interceptors, as the SDK's builder takes them. */
  WorkflowClientInterceptor[] clientInterceptors() {
    return interceptors.toArray(WorkflowClientInterceptor[]::new);
  }
}
