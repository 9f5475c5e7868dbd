package dev.braid.workflow;

import static dev.braid.workflow.Harness.taskOf;
import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.MergeRequest;
import dev.braid.config.BraidConfig;
import dev.braid.plan.Plan;
import dev.braid.plan.Priority;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * While a merge step checks, the batch behind it is checked ahead on top of it; when the step
 * passes, the batch's own step finds the tree checked ahead and does not check it again. When the
 * step ahead fails, the batch goes back to the queue and is checked as always.
 */
class StepsAheadTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  /** Task a finishes first and merges alone, slowly; b, c and d finish meanwhile. */
  private static Fakes aFirstThenThree(Plan plan) {
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

  private RunStatus run(String id, Plan plan, Fakes fakes, BraidConfig config) {
    return harness.host(fakes).run(id, new RunRequest("/repo", plan.dir(), config));
  }

  private static List<String> sorted(List<String> branches) {
    return branches.stream().sorted().toList();
  }

  private static List<String> branches(String... ids) {
    return java.util.Arrays.stream(ids).map(BraidNames::taskBranch).sorted().toList();
  }

  @Test
  void theBatchBehindARunningStepIsCheckedAheadAndItsStepDoesNotCheckAgain() {
    Plan plan = fourTasks();
    Fakes fakes = aFirstThenThree(plan);

    RunStatus run = run("run-ahead", plan, fakes, config(4));

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    assertEquals(1, fakes.speculations.size(), fakes.speculations.toString());
    List<String> ahead = fakes.speculations.get(0).branches();
    assertEquals("feature/a", ahead.get(0), "merged on top of the running step: " + ahead);
    assertEquals(branches("b", "c", "d"), sorted(ahead.subList(1, ahead.size())));
    List<MergeRequest> steps = fakes.integrations;
    assertEquals(2, steps.size(), steps.toString());
    assertEquals(List.of(), steps.get(0).verifiedTrees(), "the first step checks itself");
    assertEquals(1, steps.get(1).verifiedTrees().size(), "the batch's step got the tree");
    assertEquals(ahead.subList(1, ahead.size()), steps.get(1).branches(), "in the order checked");
    assertEquals(1, fakes.passedAhead.size(), "its merge found that tree: " + fakes.passedAhead);
    run.tasks().forEach(t -> assertEquals(1, t.attempts(), t.id() + " needed no second round"));
  }

  @Test
  void whenTheStepAheadFailsTheBatchGoesBackAndIsCheckedAsAlways() {
    Plan plan = fourTasks();
    Fakes fakes = aFirstThenThree(plan);
    fakes.breaksChecks.add("feature/a");

    RunStatus run = run("run-ahead-fails", plan, fakes, config(4));

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    assertEquals(1, fakes.speculations.size(), fakes.speculations.toString());
    assertTrue(fakes.events.contains("broken feature/a"), fakes.events.toString());
    // The three were checked ahead on top of a, which failed: their tree will never exist.
    MergeRequest three =
        fakes.integrations.stream()
            .filter(r -> sorted(r.branches()).equals(branches("b", "c", "d")))
            .findFirst()
            .orElseThrow(() -> new AssertionError(fakes.integrations.toString()));
    assertEquals(List.of(), three.verifiedTrees(), "nothing checked ahead is trusted");
    assertEquals(List.of(), fakes.passedAhead, "no step skipped its checks");
    assertEquals(2, taskOf(run, "a").attempts(), "a went back with the failure");
    for (String other : List.of("b", "c", "d")) {
      assertEquals(1, taskOf(run, other).attempts(), other + " was not sent back");
    }
  }

  @Test
  void aBatchThatFailsAheadIsCheckedInItsOwnStepAndBisected() {
    Plan plan = fourTasks();
    Fakes fakes = aFirstThenThree(plan);
    fakes.breaksChecks.add("feature/c");

    RunStatus run = run("run-ahead-culprit", plan, fakes, config(4));

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    assertEquals(1, fakes.speculations.size(), fakes.speculations.toString());
    assertEquals(List.of(), fakes.passedAhead, "a failing tree is never trusted");
    assertTrue(fakes.events.contains("broken feature/c"), fakes.events.toString());
    assertEquals(2, taskOf(run, "c").attempts(), "the culprit went back");
    for (String other : List.of("a", "b", "d")) {
      assertEquals(1, taskOf(run, other).attempts(), other + " merged in the bisection");
    }
  }

  @Test
  void withOneCheckAtOnceNothingIsCheckedAhead() {
    Plan plan = fourTasks();
    Fakes fakes = aFirstThenThree(plan);

    RunStatus run = run("run-one-check", plan, fakes, Plans.checksAtOnce(config(4), 1));

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    assertEquals(List.of(), fakes.speculations);
    assertEquals(2, fakes.integrations.size(), fakes.integrations.toString());
    fakes.integrations.forEach(r -> assertEquals(List.of(), r.verifiedTrees()));
  }

  @Test
  void aBatchIsNotCheckedAheadWhileATaskThatCouldJoinItStillWorks() {
    Plan plan = fourTasks();
    Fakes fakes = aFirstThenThree(plan);
    // d works long past a's step: b and c wait for it rather than be fixed as a batch without it.
    fakes.agentMillisByTask.put("d", 6_000L);

    RunStatus run = run("run-ahead-waits", plan, fakes, config(4));

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    assertTrue(
        fakes.speculations.stream()
            .noneMatch(
                r -> r.branches().contains("feature/b") && !r.branches().contains("feature/d")),
        "b was checked ahead without d, which was still working: " + fakes.speculations);
  }
}
