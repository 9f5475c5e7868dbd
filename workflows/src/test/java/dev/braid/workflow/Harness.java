package dev.braid.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.util.ArrayList;
import java.util.List;

/** A test server with braid's search attributes and one worker per fake host. */
final class Harness implements AutoCloseable {
  final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final List<WorkerFactory> factories = new ArrayList<>();
  private String queue = BraidNames.TASK_QUEUE;

  /** Hosts added after this, and runs, use this shared queue instead of the legacy one. */
  Harness onQueue(String sharedQueue) {
    this.queue = sharedQueue;
    return this;
  }

  Harness() {
    env.registerSearchAttribute(BraidNames.SA_PLAN, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    env.registerSearchAttribute(BraidNames.SA_STATE, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    env.registerSearchAttribute(BraidNames.SA_TASKS_DONE, IndexedValueType.INDEXED_VALUE_TYPE_INT);
    env.registerSearchAttribute(
        BraidNames.SA_TASKS_BLOCKED, IndexedValueType.INDEXED_VALUE_TYPE_INT);
    env.registerSearchAttribute(
        BraidNames.SA_TASK_STATE, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
  }

  /**
   * A host: polls the shared queue and its own, as a real braid worker does. Each host gets a
   * worker factory of its own, because one factory has one worker per task queue.
   */
  Harness host(Fakes fakes) {
    WorkerFactory factory =
        factories.isEmpty() ? env.getWorkerFactory() : WorkerFactory.newInstance(client());
    factories.add(factory);
    Worker shared = factory.newWorker(queue);
    shared.registerWorkflowImplementationTypes(ExecuteWorkflowImpl.class, TaskWorkflowImpl.class);
    shared.registerActivitiesImplementations(fakes.all());
    Worker own = factory.newWorker(fakes.host);
    own.registerActivitiesImplementations(fakes.all());
    return this;
  }

  RunStatus run(String runId, RunRequest request) {
    env.start();
    factories.stream().skip(1).forEach(WorkerFactory::start);
    ExecuteWorkflow workflow =
        client()
            .newWorkflowStub(
                ExecuteWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(runId).setTaskQueue(queue).build());
    WorkflowClient.start(workflow::execute, request);
    return finalStatus(runId);
  }

  /** Starts the run and returns its status once the predicate holds; the run goes on. */
  RunStatus run(String runId, RunRequest request, java.util.function.Predicate<RunStatus> until)
      throws InterruptedException {
    env.start();
    factories.stream().skip(1).forEach(WorkerFactory::start);
    ExecuteWorkflow workflow =
        client()
            .newWorkflowStub(
                ExecuteWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(runId).setTaskQueue(queue).build());
    WorkflowClient.start(workflow::execute, request);
    for (int i = 0; i < 300; i++) {
      RunStatus status = workflow.status();
      if (until.test(status)) {
        return status;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the run never got there: " + workflow.status());
  }

  /** Starts a new run of an id whose earlier run has ended, on the running server. */
  RunStatus rerun(String runId, RunRequest request) {
    ExecuteWorkflow workflow =
        client()
            .newWorkflowStub(
                ExecuteWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(runId).setTaskQueue(queue).build());
    WorkflowClient.start(workflow::execute, request);
    return finalStatus(runId);
  }

  /** The run's final status: its result, or the status its failure carries when it failed. */
  RunStatus finalStatus(String runId) {
    try {
      return client().newUntypedWorkflowStub(runId).getResult(RunStatus.class);
    } catch (WorkflowFailedException failed) {
      return RunResults.fromFailure(failed)
          .orElseThrow(() -> new AssertionError("the run failed with no status", failed));
    }
  }

  /**
   * The final status of a run that must have failed in Temporal too, so the Web UI's filters find
   * it: its result is a {@link WorkflowFailedException} whose cause is a non-retryable {@link
   * ApplicationFailure} of type {@link ExecuteWorkflowImpl#RUN_FAILED} whose details are the run's
   * failed status.
   */
  RunStatus failedRun(String runId) {
    WorkflowFailedException failed =
        assertThrows(
            WorkflowFailedException.class,
            () -> client().newUntypedWorkflowStub(runId).getResult(RunStatus.class),
            "the run did not fail in Temporal");
    ApplicationFailure cause =
        assertInstanceOf(ApplicationFailure.class, failed.getCause(), failed.toString());
    assertEquals(ExecuteWorkflowImpl.RUN_FAILED, cause.getType(), cause.toString());
    assertTrue(cause.isNonRetryable(), cause.toString());
    RunStatus status = cause.getDetails().get(RunStatus.class);
    assertEquals(RunPhase.FAILED, status.phase(), status.toString());
    assertEquals(status.message(), cause.getOriginalMessage());
    return status;
  }

  WorkflowClient client() {
    return env.getWorkflowClient();
  }

  @Override
  public void close() {
    factories.stream().skip(1).forEach(WorkerFactory::shutdownNow);
    env.close();
  }

  /** The task's status in the run's. */
  static TaskStatus taskOf(RunStatus run, String id) {
    return run.tasks().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }
}
