package dev.braid.starter.telemetry;

import io.opentelemetry.opentracingshim.OpenTracingShim;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.temporal.opentracing.OpenTracingOptions;
import java.util.Map;
import java.util.Optional;

/**
 * OpenTelemetry tracing of the worker, through the SDK's OpenTracing interceptors and
 * OpenTelemetry's OpenTracing shim, configured the standard way: by the {@code OTEL_*} environment
 * variables (endpoint, protocol, headers, service name, sampler). It is on only when they name an
 * exporter, so a worker with none of them set exports nothing and starts no exporter thread.
 */
public final class Tracing implements AutoCloseable {
  /** The service name spans carry unless {@code OTEL_SERVICE_NAME} says otherwise. */
  static final String SERVICE_NAME = "braid-worker";

  private final OpenTelemetrySdk sdk;
  private final OpenTracingOptions options;

  private Tracing(OpenTelemetrySdk sdk) {
    this.sdk = sdk;
    this.options =
        OpenTracingOptions.newBuilder().setTracer(OpenTracingShim.createTracerShim(sdk)).build();
  }

  /** Tracing as the environment configures it, or empty when it names no exporter. */
  public static Optional<Tracing> fromEnvironment(Map<String, String> env) {
    if (!enabled(env)) {
      return Optional.empty();
    }
    OpenTelemetrySdk sdk =
        AutoConfiguredOpenTelemetrySdk.builder()
            // Defaults only: the OTEL_* variables and -Dotel.* properties override them. braid
            // exports traces; its metrics are served on --metrics-port instead.
            .addPropertiesSupplier(
                () ->
                    Map.of(
                        "otel.service.name", SERVICE_NAME,
                        "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none"))
            .disableShutdownHook()
            .build()
            .getOpenTelemetrySdk();
    return Optional.of(new Tracing(sdk));
  }

  /** Builds tracing on an SDK set up by the caller (tests, with an in-memory exporter). */
  static Tracing of(OpenTelemetrySdk sdk) {
    return new Tracing(sdk);
  }

  /**
   * Whether the environment asks for traces: an OTLP endpoint, or a traces exporter other than
   * {@code none}; never when {@code OTEL_SDK_DISABLED} is true.
   */
  static boolean enabled(Map<String, String> env) {
    if ("true".equalsIgnoreCase(env.getOrDefault("OTEL_SDK_DISABLED", "").trim())) {
      return false;
    }
    String exporter = env.getOrDefault("OTEL_TRACES_EXPORTER", "").trim();
    if (!exporter.isEmpty()) {
      return !"none".equalsIgnoreCase(exporter);
    }
    return !env.getOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT", "").isBlank()
        || !env.getOrDefault("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "").isBlank();
  }

  /** The options of the SDK's OpenTracing client and worker interceptors. */
  public OpenTracingOptions options() {
    return options;
  }

  /** Exports the spans still buffered, then stops the exporter. */
  @Override
  public void close() {
    sdk.close();
  }
}
