package dev.braid.workflow;

import static dev.braid.workflow.Plans.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import dev.braid.plan.Priority;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A plan of 500 tasks: the run continues as new before its history grows large, so each of its
 * executions stays under Temporal's suggested 4,096 events and 4 MB, and every task completes.
 */
class LargePlanTest {
  private static final int TASKS = 500;
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void fiveHundredTasksCompleteWithinTheHistoryLimits() {
    List<PlanTask> tasks = new ArrayList<>();
    for (int i = 0; i < TASKS; i++) {
      // Chains of ten, so the plan has dependencies as well as breadth.
      tasks.add(
          i % 10 == 0
              ? Plans.task("t" + i, Priority.MEDIUM)
              : Plans.task("t" + i, Priority.MEDIUM, "t" + (i - 1)));
    }
    Plan plan = Plans.plan(tasks.toArray(PlanTask[]::new));
    Fakes fakes = new Fakes(plan);

    RunStatus run =
        harness.host(fakes).run("run-big", new RunRequest("/repo", plan.dir(), config(50)));

    assertEquals(RunPhase.DONE, run.phase(), run.message());
    assertEquals(TASKS, run.tasks().stream().filter(t -> t.phase() == TaskPhase.COMPLETED).count());
    assertEquals(TASKS, fakes.merges.get(0).branches().size(), "the finish merges every task");

    int executions = 0;
    String runId = null;
    WorkflowExecutionHistory history = harness.client().fetchHistory("run-big");
    while (true) {
      executions++;
      long events = history.getHistory().getEventsCount();
      long bytes = history.getHistory().getSerializedSize();
      assertTrue(events < 4_096, "execution " + executions + " has " + events + " events");
      assertTrue(bytes < 4L * 1024 * 1024, "execution " + executions + " has " + bytes + " bytes");
      System.err.printf(
          "run-big execution %d (counting back from the last): %d events, %d bytes%n",
          executions, events, bytes);
      HistoryEvent first = history.getHistory().getEvents(0);
      assertEquals(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, first.getEventType());
      runId = first.getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
      if (runId.isEmpty()) {
        break;
      }
      history = harness.client().fetchHistory("run-big", runId);
    }
    assertTrue(
        executions >= 2,
        "a 500-task run continues as new at least once; it ran " + executions + " executions");
  }
}
