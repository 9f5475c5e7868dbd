package dev.braid.starter.telemetry;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import dev.braid.activities.agent.AgentUsageListener;
import dev.braid.starter.temporal.ClientInstrumentation;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.opentracing.OpenTracingClientInterceptor;
import io.temporal.opentracing.OpenTracingWorkerInterceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's metrics and tracing, each on only when asked for: the metrics endpoint with {@code
 * --metrics-port}, tracing with the {@code OTEL_*} variables. It hands the connection its metrics
 * scope and client interceptors, the worker its interceptors and the agent activity its usage
 * listener, and closes them all when the worker has stopped.
 */
public final class Telemetry implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Telemetry.class);

  /** How often the SDK's metrics reach the registry; a scrape sees them at most this late. */
  private static final com.uber.m3.util.Duration REPORT_EVERY =
      com.uber.m3.util.Duration.ofSeconds(1);

  private final MetricsEndpoint endpoint;
  private final Scope scope;
  private final BraidMetrics metrics;
  private final Tracing tracing;

  private Telemetry(MetricsEndpoint endpoint, Scope scope, BraidMetrics metrics, Tracing tracing) {
    this.endpoint = endpoint;
    this.scope = scope;
    this.metrics = metrics;
    this.tracing = tracing;
  }

  /**
   * Starts what is asked for.
   *
   * @param metricsPort the port of the metrics endpoint, 0 for any free one, null for none
   * @param bind the address the endpoint listens on
   * @param env the environment, read for {@code OTEL_*}
   */
  public static Telemetry start(Integer metricsPort, String bind, Map<String, String> env) {
    MetricsEndpoint endpoint =
        metricsPort == null ? null : MetricsEndpoint.start(bind, metricsPort);
    Scope scope = null;
    BraidMetrics metrics = null;
    if (endpoint != null) {
      scope =
          new RootScopeBuilder()
              .reporter(new MicrometerClientStatsReporter(endpoint.registry()))
              .reportEvery(REPORT_EVERY);
      metrics = new BraidMetrics(endpoint.registry());
    }
    return new Telemetry(endpoint, scope, metrics, Tracing.fromEnvironment(env).orElse(null));
  }

  /** What the worker's connection adds: the SDK's metrics scope, the tracing client interceptor. */
  public ClientInstrumentation client() {
    return new ClientInstrumentation(
        scope,
        tracing == null ? List.of() : List.of(new OpenTracingClientInterceptor(tracing.options())));
  }

  /** The worker's interceptors: braid's metrics and the tracing of workflows and activities. */
  public List<WorkerInterceptor> workerInterceptors() {
    List<WorkerInterceptor> interceptors = new ArrayList<>();
    if (metrics != null) {
      interceptors.add(new MetricsInterceptor(metrics));
    }
    if (tracing != null) {
      interceptors.add(new OpenTracingWorkerInterceptor(tracing.options()));
    }
    return interceptors;
  }

  /** Hears what agents reported they used; nothing when no metrics are served. */
  public AgentUsageListener agentUsage() {
    return metrics == null ? AgentUsageListener.NONE : metrics;
  }

  /** Where the metrics are served, when they are. */
  public Optional<String> metricsUrl() {
    return Optional.ofNullable(endpoint).map(MetricsEndpoint::url);
  }

  /** Whether spans are exported. */
  public boolean tracing() {
    return tracing != null;
  }

  /** Reports the SDK's last metrics, exports buffered spans, stops serving. */
  @Override
  public void close() {
    if (scope != null) {
      try {
        scope.close();
      } catch (ScopeCloseException e) {
        log.warn("reporting the SDK's last metrics failed: {}", e.toString());
      }
    }
    if (tracing != null) {
      tracing.close();
    }
    if (endpoint != null) {
      endpoint.close();
    }
  }
}
