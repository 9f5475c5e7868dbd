package dev.braid.workflow;

import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.plan.Plan;
import dev.braid.plan.Priority;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A task does not wait for its file to say {@code in_progress} before its work starts: both are
 * scheduled by one workflow task, which saves a round trip to the server per task.
 */
class StatusMirrorTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void theInProgressWriteAndTheFirstAttemptAreScheduledTogetherAndTheFileStillEndsCompleted() {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);

    RunStatus run =
        harness.host(fakes).run("run-mirror", new RunRequest("/repo", plan.dir(), config(1)));

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    List<HistoryEvent> events =
        harness.client().fetchHistory(BraidNames.taskWorkflowId("run-mirror", "a")).getEvents();
    long statusTask = scheduledBy(events, "SetTaskStatus");
    long attemptTask = scheduledBy(events, "Attempt");
    assertEquals(statusTask, attemptTask, "one workflow task scheduled both");
    List<String> statuses = fakes.events.stream().filter(e -> e.startsWith("status a ")).toList();
    assertEquals("status a completed on braid@test-host", statuses.get(statuses.size() - 1));
    assertTrue(statuses.get(0).startsWith("status a in_progress"), statuses.toString());
  }

  /** The workflow task that scheduled the first activity of this type. */
  private static long scheduledBy(List<HistoryEvent> events, String type) {
    return events.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
        .filter(a -> a.getActivityType().getName().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " in the history"))
        .getWorkflowTaskCompletedEventId();
  }
}
