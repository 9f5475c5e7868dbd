package dev.braid.starter.telemetry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.opentracing.OpenTracingClientInterceptor;
import io.temporal.opentracing.OpenTracingWorkerInterceptor;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracingTest {
  @Test
  void isOffUnlessTheOtelVariablesNameAnExporter() {
    assertFalse(Tracing.enabled(Map.of()));
    assertFalse(Tracing.enabled(Map.of("OTEL_SERVICE_NAME", "w")));
    assertTrue(Tracing.enabled(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317")));
    assertTrue(Tracing.enabled(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c:4318")));
    assertTrue(Tracing.enabled(Map.of("OTEL_TRACES_EXPORTER", "console")));
    assertFalse(
        Tracing.enabled(
            Map.of("OTEL_TRACES_EXPORTER", "none", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c")));
    assertFalse(
        Tracing.enabled(
            Map.of("OTEL_SDK_DISABLED", "true", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c")));
    assertTrue(Tracing.fromEnvironment(Map.of()).isEmpty());
  }

  @Test
  void anOtlpEndpointTurnsTracingOnThroughOpenTelemetrysAutoconfiguration() {
    // Nothing listens there: spans are buffered and dropped, and closing does not hang.
    try (Tracing tracing =
        Tracing.fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:1"))
            .orElseThrow()) {
      assertTrue(tracing.options() != null);
    }
  }

  @Test
  void theSdksInterceptorsTraceTheWorkflowAndItsActivitiesInOneTrace() {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            // What autoconfiguration sets by default: W3C trace context across processes.
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .build();
    try (Tracing tracing = Tracing.of(sdk);
        TestWorkflowEnvironment env =
            TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder()
                    .setWorkflowClientOptions(
                        WorkflowClientOptions.newBuilder()
                            .setInterceptors(new OpenTracingClientInterceptor(tracing.options()))
                            .build())
                    .setWorkerFactoryOptions(
                        WorkerFactoryOptions.newBuilder()
                            .setWorkerInterceptors(
                                new OpenTracingWorkerInterceptor(tracing.options()))
                            .build())
                    .build())) {
      Worker worker = env.newWorker("tracing-test");
      worker.registerWorkflowImplementationTypes(ProbeImpl.class);
      worker.registerActivitiesImplementations(new ProbeActivitiesImpl());
      env.start();
      env.getWorkflowClient()
          .newWorkflowStub(
              Probe.class, WorkflowOptions.newBuilder().setTaskQueue("tracing-test").build())
          .run("all");

      List<SpanData> finished = spans.getFinishedSpanItems();
      List<String> names = finished.stream().map(SpanData::getName).toList();
      assertTrue(names.contains("StartWorkflow:Probe"), names.toString());
      assertTrue(names.contains("RunActivity:Attempt"), names.toString());
      assertTrue(names.contains("RunActivity:Integrate"), names.toString());
      String trace = finished.get(0).getTraceId();
      assertTrue(
          finished.stream().allMatch(s -> s.getTraceId().equals(trace)),
          "one trace for the workflow and its activities: "
              + finished.stream().map(s -> s.getName() + "@" + s.getTraceId()).toList());
    }
  }
}
