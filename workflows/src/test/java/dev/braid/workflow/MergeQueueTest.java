package dev.braid.workflow;

import static dev.braid.workflow.Harness.taskOf;
import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.config.MergeMode;
import dev.braid.plan.Plan;
import dev.braid.plan.Priority;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tasks merge one by one into the integration branch as they finish; dependents build on it. */
class MergeQueueTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static int at(List<String> events, String event) {
    int i = events.indexOf(event);
    assertTrue(i >= 0, "no '" + event + "' in " + events);
    return i;
  }

  @Test
  void dependentStartsFromTheIntegrationBranchAfterItsDependencyWasMerged() {
    Plan plan = plan(task("a", Priority.MEDIUM), task("b", Priority.MEDIUM, "a"));
    Fakes fakes = new Fakes(plan);

    RunStatus run =
        harness.host(fakes).run("run-q", new RunRequest("/repo", plan.dir(), config(2)));

    assertEquals(RunPhase.DONE, run.phase());
    assertTrue(
        at(fakes.events, "start integration") < at(fakes.events, "prepare a on braid@test-host"));
    assertTrue(
        at(fakes.events, "integrate feature/a") < at(fakes.events, "prepare b on braid@test-host"));
    assertEquals("braid/run-q", fakes.bases.get("a"));
    assertEquals("braid/run-q", fakes.bases.get("b"));
    // Each step carries only its own branch; the integration branch holds the rest.
    assertEquals(List.of("feature/b"), fakes.integrations.get(1).branches());
    // The finish verifies the whole result and brings the target up to it.
    assertEquals(List.of("feature/a", "feature/b"), fakes.merges.get(0).branches());
  }

  @Test
  void mergeThatBreaksTheChecksSendsTheTaskBackWithTheFailure() {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.brokenMergesLeft.put("feature/a", 1);

    RunStatus run =
        harness.host(fakes).run("run-broken", new RunRequest("/repo", plan.dir(), config(1)));

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    List<String> events = fakes.events;
    int broken = at(events, "broken feature/a");
    int sync = at(events, "sync a with braid/run-broken");
    int feedback =
        at(
            events,
            "guidance a: Merging this task's branch into braid/run-broken (which holds the tasks merged before it) made the checks fail. Fix it on top of the merged code, which is now in this worktree:");
    int merged = at(events, "integrate feature/a");
    assertTrue(broken < sync && sync < feedback && feedback < merged, events.toString());
    assertEquals(2, taskOf(run, "a").attempts());
  }

  @Test
  void conflictGoesToTheResolverInTheTasksWorktree() {
    Plan plan = plan(task("a", Priority.MEDIUM), task("b", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.conflictsLeft.put("feature/b", 1);
    fakes.syncConflicts.add("b");

    RunStatus run =
        harness.host(fakes).run("run-conflict", new RunRequest("/repo", plan.dir(), config(1)));

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    List<String> events = fakes.events;
    assertTrue(at(events, "conflict feature/b") < at(events, "sync b with braid/run-conflict"));
    assertTrue(
        at(events, "start b resolver on braid@test-host") < at(events, "integrate feature/b"));
    assertTrue(
        events.contains(
            "guidance b: Merging braid/run-conflict into this task's branch conflicts in: src/shared.py. Resolve every conflict, keeping both sides' intent, so that the checks pass."),
        events.toString());
    assertEquals(List.of("fast", "resolver"), taskOf(run, "b").tiers());
  }

  @Test
  void conflictWithoutAResolverBlocksTheTaskWithItsFiles() throws Exception {
    Plan plan = plan(task("a", Priority.MEDIUM), task("b", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.conflictsLeft.put("feature/b", 1);
    fakes.syncConflicts.add("b");
    harness.host(fakes);

    RunStatus run =
        harness.run(
            "run-human",
            new RunRequest("/repo", plan.dir(), Plans.withoutResolver(config(1))),
            s -> s.phase() == RunPhase.BLOCKED);

    TaskStatus b = taskOf(run, "b");
    assertEquals(TaskPhase.BLOCKED, b.phase());
    assertTrue(
        b.reason().startsWith("merge conflict with braid/run-human in src/shared.py"), b.reason());
    assertTrue(fakes.events.contains("abort b"), fakes.events.toString());
  }

  @Test
  void modeNoneLeavesTheTargetAndVerifiesTheIntegratedResult() {
    Plan plan = plan(task("a", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);

    RunStatus run =
        harness
            .host(fakes)
            .run(
                "run-none",
                new RunRequest("/repo", plan.dir(), Plans.mergeMode(config(1), MergeMode.NONE)));

    assertEquals(RunPhase.DONE, run.phase());
    assertTrue(fakes.merges.isEmpty(), "the target is not moved");
    assertEquals(2, fakes.integrations.size(), "one merge, then the verification of the result");
    assertTrue(run.merge().checksPassed());
  }
}
