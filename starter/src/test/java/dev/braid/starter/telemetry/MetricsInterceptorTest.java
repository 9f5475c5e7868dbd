package dev.braid.starter.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsInterceptorTest {
  private static final String QUEUE = "metrics-test";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TestWorkflowEnvironment env;

  @AfterEach
  void close() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void attemptsMergeStepsAndStatusWritesAreCountedFromTheActivitiesTheWorkerRan() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(new MetricsInterceptor(new BraidMetrics(registry)))
                        .build())
                .build());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(ProbeImpl.class);
    worker.registerActivitiesImplementations(new ProbeActivitiesImpl());
    env.start();

    String result =
        env.getWorkflowClient()
            .newWorkflowStub(Probe.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build())
            .run("all");

    assertEquals("done", result);
    assertEquals(1.0, count("braid.attempts", "outcome", "checks_failed"));
    assertEquals(1.0, count("braid.attempts", "outcome", "passed"));
    assertEquals(
        2L,
        registry.get("braid.attempt.duration").tag("tier", "fast").timers().stream()
            .mapToLong(t -> t.count())
            .sum());
    assertEquals(1.0, count("braid.merge.steps", "outcome", "conflicted"));
    assertEquals(
        3.0,
        registry.get("braid.merge.batch.size").tag("step", "integrate").summary().totalAmount());
    assertEquals(1.0, count("braid.task.status.transitions", "status", "in_progress"));
  }

  private double count(String name, String tag, String value) {
    return registry.get(name).tag(tag, value).counter().count();
  }
}
