package dev.braid.workflow;

import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.overlap;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.MergeRequest;
import dev.braid.config.OverlapPolicy;
import dev.braid.plan.FileOverlap;
import dev.braid.plan.Plan;
import dev.braid.plan.Priority;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tasks whose files overlap: under {@code serialize} the lower-priority one waits for the other's
 * merge and starts from it; under {@code ignore} they run together; and the merge queue keeps
 * overlapping tasks out of one batch unless told to ignore overlaps.
 */
class OverlapScheduleTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static FileOverlap shared(String a, String b) {
    return new FileOverlap(a, b, List.of("src/notes.py"));
  }

  private RunStatus run(String id, Plan plan, Fakes fakes, OverlapPolicy policy) {
    return harness
        .host(fakes)
        .run(id, new RunRequest("/repo", plan.dir(), overlap(config(4), policy)));
  }

  private static int indexOf(Fakes fakes, String event) {
    int i = fakes.events.indexOf(event);
    assertTrue(i >= 0, event + " never happened: " + fakes.events);
    return i;
  }

  /** The merge step that integrated this branch, alone or in a batch with others. */
  private static int integrationOf(Fakes fakes, String branch) {
    for (int i = 0; i < fakes.events.size(); i++) {
      String event = fakes.events.get(i);
      if (event.startsWith("integrate ")
          && List.of(event.substring("integrate ".length()).split(" ")).contains(branch)) {
        return i;
      }
    }
    throw new AssertionError(branch + " was never integrated: " + fakes.events);
  }

  @Test
  void underSerializeTheLowerPriorityTaskStartsOnlyAfterTheOthersMerge() {
    Plan plan = plan(task("a", Priority.LOW), task("b", Priority.HIGH), task("c", Priority.LOW));
    Fakes fakes = new Fakes(plan);
    fakes.overlaps = List.of(shared("a", "b"));
    fakes.agentMillis = 300;

    RunStatus run = run("run-serialize", plan, fakes, OverlapPolicy.SERIALIZE);

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    assertTrue(
        indexOf(fakes, "prepare a on " + fakes.host)
            > integrationOf(fakes, BraidNames.taskBranch("b")),
        "a starts from b's merged work: " + fakes.events);
    // c overlaps nobody, so it ran beside b: the soft edge held a and only a.
    assertTrue(
        indexOf(fakes, "prepare c on " + fakes.host)
            < integrationOf(fakes, BraidNames.taskBranch("b")),
        fakes.events.toString());
    assertEquals(1, fakes.overlapReads.get());
  }

  @Test
  void underIgnoreNothingReadsTheTaskFilesAndOverlappingTasksRunTogether() {
    Plan plan = plan(task("a", Priority.LOW), task("b", Priority.HIGH));
    Fakes fakes = new Fakes(plan);
    fakes.overlaps = List.of(shared("a", "b"));
    fakes.agentMillis = 1_000;

    RunStatus run = run("run-ignore", plan, fakes, OverlapPolicy.IGNORE);

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    assertEquals(0, fakes.overlapReads.get(), "ignore reads no task file for overlaps");
    assertEquals(2, fakes.maxRunning.get(), "both agents worked at once: " + fakes.events);
  }

  @Test
  void aTaskWhoseSoftPredecessorIsBlockedGoesOnInsteadOfWaitingForAHuman() throws Exception {
    Plan plan = plan(task("a", Priority.HIGH), task("b", Priority.LOW));
    Fakes fakes = new Fakes(plan);
    fakes.overlaps = List.of(shared("a", "b"));
    fakes.alwaysFail.add("a");

    RunStatus run =
        harness
            .host(fakes)
            .run(
                "run-blocked-first",
                new RunRequest("/repo", plan.dir(), overlap(config(4), OverlapPolicy.SERIALIZE)),
                status ->
                    status.phase() == RunPhase.BLOCKED
                        && status.tasks().stream()
                            .anyMatch(t -> t.id().equals("b") && t.phase() == TaskPhase.COMPLETED));

    assertEquals(RunPhase.BLOCKED, run.phase(), run.toString());
    assertTrue(
        indexOf(fakes, "prepare b on " + fakes.host) > indexOf(fakes, "fail a"),
        "b waited for a while a could still merge: " + fakes.events);
  }

  @Test
  void underWarnTheMergeQueueKeepsOverlappingTasksOutOfOneBatch() {
    Plan plan =
        plan(
            task("a", Priority.HIGH),
            task("b", Priority.MEDIUM),
            task("c", Priority.MEDIUM),
            task("d", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    // a finishes first and merges alone, slowly; b, c and d finish meanwhile and wait together.
    fakes.agentMillisByTask.put("a", 0L);
    fakes.agentMillis = 1_000;
    fakes.integrateMillis = 2_500;
    fakes.slowMerges.add(BraidNames.taskBranch("a"));
    fakes.overlaps = List.of(shared("b", "c"));

    RunStatus run = run("run-warn", plan, fakes, OverlapPolicy.WARN);

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    List<List<String>> steps = fakes.integrations.stream().map(MergeRequest::branches).toList();
    assertEquals(3, steps.size(), steps.toString());
    for (List<String> step : steps) {
      assertTrue(
          !(step.contains(BraidNames.taskBranch("b")) && step.contains(BraidNames.taskBranch("c"))),
          "b and c were merged in one step: " + steps);
    }
    assertTrue(fakes.maxRunning.get() >= 2, "warn holds nobody back: " + fakes.maxRunning);
  }
}
