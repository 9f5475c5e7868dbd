package dev.braid.plan;

import static dev.braid.plan.Priority.BLOCKER;
import static dev.braid.plan.Priority.HIGH;
import static dev.braid.plan.Priority.LOW;
import static dev.braid.plan.Priority.MEDIUM;
import static dev.braid.plan.TestPlans.plan;
import static dev.braid.plan.TestPlans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanGraphTest {

  /**
   * The parallel plan of the decision tracking system: 0 first; 1 and 3 after 0; 2 after 1; 4 after
   * 0 and 1.
   */
  private static final Plan DECISIONS =
      plan(
          task("task-0", BLOCKER),
          task("task-1", BLOCKER, "task-0"),
          task("task-2", HIGH, "task-1"),
          task("task-3", HIGH, "task-0"),
          task("task-4", MEDIUM, "task-0", "task-1"));

  @Test
  void groupsTasksIntoWavesByTheirLongestDependencyChain() {
    assertEquals(
        List.of(List.of("task-0"), List.of("task-1", "task-3"), List.of("task-2", "task-4")),
        PlanGraph.of(DECISIONS).waves());
  }

  @Test
  void ordersAWaveByPriorityThenPlanOrder() {
    Plan plan =
        plan(
            task("low", LOW),
            task("medium", MEDIUM),
            task("high-1", HIGH),
            task("blocker", BLOCKER),
            task("high-2", HIGH));

    assertEquals(
        List.of(List.of("blocker", "high-1", "high-2", "medium", "low")),
        PlanGraph.of(plan).waves());
  }

  @Test
  void placesATaskByItsLongestChainNotItsShortest() {
    Plan plan = plan(task("a"), task("b", "a"), task("c", "b"), task("d", "a", "c"));
    PlanGraph graph = PlanGraph.of(plan);

    assertEquals(List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d")), graph.waves());
    assertEquals(3, graph.waveOf("d"));
  }

  @Test
  void theCriticalPathIsTheLongestChain() {
    Plan plan =
        plan(
            task("short"),
            task("a"),
            task("b", "a"),
            task("c", "b", "short"),
            task("after-short", "short"));

    assertEquals(List.of("a", "b", "c"), PlanGraph.of(plan).criticalPath());
  }

  @Test
  void theCriticalPathBreaksTiesByPlanOrder() {
    assertEquals(List.of("task-0", "task-1", "task-2"), PlanGraph.of(DECISIONS).criticalPath());

    Plan twoEqualChains = plan(task("x"), task("a"), task("y", "x"), task("b", "a"));
    assertEquals(List.of("x", "y"), PlanGraph.of(twoEqualChains).criticalPath());

    Plan twoWaysToTheEnd = plan(task("p"), task("q"), task("end", "q", "p"));
    assertEquals(List.of("p", "end"), PlanGraph.of(twoWaysToTheEnd).criticalPath());
  }

  @Test
  void theCriticalPathOfIndependentTasksIsTheFirstTask() {
    assertEquals(List.of("a"), PlanGraph.of(plan(task("a"), task("b"))).criticalPath());
    assertEquals(List.of(), PlanGraph.of(plan()).criticalPath());
    assertEquals(List.of(), PlanGraph.of(plan()).waves());
  }

  @Test
  void ordersTopologicallyWithPriorityFirstThenPlanOrder() {
    assertEquals(
        List.of("task-0", "task-1", "task-2", "task-3", "task-4"), PlanGraph.of(DECISIONS).order());

    // A ready high-priority task goes before a ready low one, even when listed later, but never
    // before its own dependencies.
    Plan plan =
        plan(
            task("docs", LOW),
            task("core", MEDIUM),
            task("api", BLOCKER, "core"),
            task("hotfix", HIGH));
    assertEquals(List.of("hotfix", "core", "api", "docs"), PlanGraph.of(plan).order());
  }

  @Test
  void findsDependentsTransitivelyInPlanOrder() {
    PlanGraph graph = PlanGraph.of(DECISIONS);

    assertEquals(
        List.of("task-1", "task-2", "task-3", "task-4"), List.copyOf(graph.dependentsOf("task-0")));
    assertEquals(Set.of("task-2", "task-4"), graph.dependentsOf("task-1"));
    assertEquals(Set.of(), graph.dependentsOf("task-4"));
  }

  @Test
  void refusesAnUnknownTask() {
    PlanGraph graph = PlanGraph.of(DECISIONS);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> graph.dependentsOf("task-9"));
    assertEquals("'task-9' is not a task of this plan", e.getMessage());
  }

  @Test
  void refusesToBuildTheGraphOfAnInvalidPlan() {
    Plan cyclic = plan(task("a", "b"), task("b", "a"), task("c", "nope"));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PlanGraph.of(cyclic));
    assertEquals(
        "The plan is not valid:\n"
            + "tasks/c.md: task 'c': dependencies: 'nope' is not a task of this plan\n"
            + "tasks/a.md: task 'a': dependencies: form a cycle: a -> b -> a",
        e.getMessage());
  }

  @Test
  void toleratesADependencyListedTwice() {
    PlanGraph graph = PlanGraph.of(plan(task("a"), task("b", "a", "a")));

    assertEquals(List.of("a", "b"), graph.order());
    assertEquals(List.of("a", "b"), graph.criticalPath());
  }
}
