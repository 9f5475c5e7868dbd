package dev.braid.workflow;

import static dev.braid.workflow.Harness.taskOf;
import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.MergeRequest;
import dev.braid.plan.Plan;
import dev.braid.plan.Priority;
import io.temporal.testing.WorkflowReplayer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tasks waiting to merge go together: one step merges them all and checks the result once. A batch
 * whose checks fail is bisected until the task that breaks them is alone; the others merge.
 */
class MergeBatchTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  /**
   * Task a finishes first and merges alone, slowly; b, c and d finish meanwhile and wait together.
   */
  private static Fakes fourTasksThreeWaiting(Plan plan) {
    Fakes fakes = new Fakes(plan);
    fakes.agentMillisByTask.put("a", 0L);
    fakes.agentMillis = 1_000;
    fakes.integrateMillis = 2_500;
    fakes.slowMerges.add("feature/a");
    return fakes;
  }

  private static Plan fourTasks() {
    return plan(
        task("a", Priority.HIGH),
        task("b", Priority.MEDIUM),
        task("c", Priority.MEDIUM),
        task("d", Priority.MEDIUM));
  }

  private RunStatus run(String id, Plan plan, Fakes fakes) {
    return harness.host(fakes).run(id, new RunRequest("/repo", plan.dir(), config(4)));
  }

  private static List<List<String>> steps(Fakes fakes) {
    return fakes.integrations.stream().map(MergeRequest::branches).toList();
  }

  private static List<String> branches(String... ids) {
    return java.util.Arrays.stream(ids).map(BraidNames::taskBranch).sorted().toList();
  }

  private static List<String> sorted(List<String> branches) {
    return branches.stream().sorted().toList();
  }

  @Test
  void tasksThatWaitTogetherMergeInOneStepCheckedOnce() {
    Plan plan = fourTasks();
    Fakes fakes = fourTasksThreeWaiting(plan);

    RunStatus run = run("run-batch", plan, fakes);

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    assertEquals(2, steps(fakes).size(), "a alone, then the three that waited: " + steps(fakes));
    assertEquals(List.of("feature/a"), steps(fakes).get(0));
    assertEquals(branches("b", "c", "d"), sorted(steps(fakes).get(1)));
    run.tasks().forEach(t -> assertEquals(1, t.attempts(), t.id() + " needed no second round"));
  }

  @Test
  void aBatchWithOneCulpritIsBisectedTheOthersMergeAndTheCulpritGoesBackWithTheFailure() {
    Plan plan = fourTasks();
    Fakes fakes = fourTasksThreeWaiting(plan);
    fakes.breaksChecks.add("feature/c");

    RunStatus run = run("run-bisect", plan, fakes);

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    List<List<String>> steps = steps(fakes);
    List<String> batch = steps.get(1);
    assertEquals(branches("b", "c", "d"), sorted(batch), steps.toString());
    assertTrue(fakes.events.contains("broken " + String.join(" ", batch)), fakes.events.toString());
    // The culprit ends alone in a failing step; every other task merged without a second round.
    assertTrue(fakes.events.contains("broken feature/c"), fakes.events.toString());
    for (String other : List.of("a", "b", "d")) {
      assertEquals(1, taskOf(run, other).attempts(), other + " was not sent back");
    }
    assertEquals(2, taskOf(run, "c").attempts(), "c ran again, with the failure");
    assertTrue(
        fakes.guidanceSeen.get("c").contains("FAIL: test_total"), fakes.guidanceSeen.get("c"));
    assertEquals(1, fakes.guidanceSeen.size(), "only the culprit was told: " + fakes.guidanceSeen);
  }

  @Test
  void twoCulpritsInOneBatchAreBothFoundAndBothGoBack() {
    Plan plan = fourTasks();
    Fakes fakes = fourTasksThreeWaiting(plan);
    fakes.breaksChecks.add("feature/b");
    fakes.breaksChecks.add("feature/d");

    RunStatus run = run("run-two", plan, fakes);

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    assertTrue(fakes.events.contains("broken feature/b"), fakes.events.toString());
    assertTrue(fakes.events.contains("broken feature/d"), fakes.events.toString());
    assertEquals(1, taskOf(run, "a").attempts());
    assertEquals(1, taskOf(run, "c").attempts(), "c merged without a second round");
    assertEquals(2, taskOf(run, "b").attempts());
    assertEquals(2, taskOf(run, "d").attempts());
    assertEquals(java.util.Set.of("b", "d"), fakes.guidanceSeen.keySet());
  }

  @Test
  void aConflictInsideABatchSendsOnlyThatTaskBackAndTheRestMergeInTheSameStep() {
    Plan plan = fourTasks();
    Fakes fakes = fourTasksThreeWaiting(plan);
    fakes.conflictsLeft.put("feature/c", 1);

    RunStatus run = run("run-conflict", plan, fakes);

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    List<String> batch = steps(fakes).get(1);
    assertEquals(branches("b", "c", "d"), sorted(batch));
    List<String> mergedTogether = batch.stream().filter(b -> !b.equals("feature/c")).toList();
    assertTrue(
        fakes.events.contains("integrate " + String.join(" ", mergedTogether)),
        fakes.events.toString());
    assertEquals(1, taskOf(run, "b").attempts());
    assertEquals(1, taskOf(run, "d").attempts());
    assertTrue(fakes.events.contains("sync c with braid/run-conflict"), fakes.events.toString());
  }

  @Test
  void aRunThatBisectedReplaysFromItsHistory() throws Exception {
    Plan plan = fourTasks();
    Fakes fakes = fourTasksThreeWaiting(plan);
    fakes.breaksChecks.add("feature/c");
    assertEquals(RunPhase.DONE, run("run-replay", plan, fakes).phase());

    // A worker that restarts mid-bisection rebuilds its state by replaying exactly this history.
    WorkflowReplayer.replayWorkflowExecution(
        harness.client().fetchHistory("run-replay"), ExecuteWorkflowImpl.class);
  }
}
