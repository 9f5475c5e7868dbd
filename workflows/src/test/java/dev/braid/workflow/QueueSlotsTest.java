package dev.braid.workflow;

import static dev.braid.workflow.Harness.taskOf;
import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.plan.Plan;
import dev.braid.plan.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A task whose work waits in the merge queue leaves its slot of maxParallel to the next task. */
class QueueSlotsTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void theNextTaskStartsWhileTheFirstOneWaitsToMerge() {
    Plan plan = plan(task("a", Priority.HIGH), task("b", Priority.LOW));
    Fakes fakes = new Fakes(plan);
    fakes.agentMillis = 0;
    fakes.integrateMillis = 2_000;
    fakes.slowMerges.add("feature/a");

    RunStatus run =
        harness.host(fakes).run("run-slots", new RunRequest("/repo", plan.dir(), config(1)));

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    TaskStatus a = taskOf(run, "a");
    TaskStatus b = taskOf(run, "b");
    assertTrue(
        b.startedAtMillis() < a.finishedAtMillis(),
        "b started at " + b.startedAtMillis() + ", a merged at " + a.finishedAtMillis());
    assertEquals(2, fakes.integrations.size(), fakes.integrations.toString());
  }
}
