package dev.braid.plan;

import static dev.braid.plan.TestPlans.plan;
import static dev.braid.plan.TestPlans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanValidatorTest {

  @Test
  void aValidPlanHasNoProblems() {
    Plan plan = plan(task("a"), task("b", "a"), task("c", "a", "b"));

    assertEquals(List.of(), PlanValidator.validate(plan));
  }

  @Test
  void idsThatDifferOnlyInCaseCollide() {
    List<PlanProblem> problems = PlanValidator.validate(plan(task("Task-1"), task("task-1")));

    assertEquals(1, problems.size(), problems.toString());
    assertEquals("id", problems.get(0).field());
    assertTrue(
        problems.get(0).message().contains("'Task-1' differs only in case"), problems.toString());
  }

  @Test
  void anIdLongerThanAFileNameAllowsIsRefusedAndShownShort() {
    String id = "a".repeat(5000);
    List<PlanProblem> problems = PlanValidator.validate(plan(task(id)));

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).message().contains("5000 characters long; the limit is 100"));
    assertTrue(problems.get(0).message().length() < 200, problems.get(0).message());
  }

  @Test
  void reportsADuplicateIdAtItsSecondUse() {
    Plan plan = plan(task("a"), task("b"), task("a"));

    assertEquals(
        List.of(
            new PlanProblem(
                "tasks/a.md",
                "a",
                "id",
                "'a' is used by more than one task (entries 1 and 3 of the plan)")),
        PlanValidator.validate(plan));
  }

  @Test
  void reportsAnUnknownDependency() {
    Plan plan = plan(task("a"), task("b", "a", "zzz"));

    assertEquals(
        List.of(
            new PlanProblem("tasks/b.md", "b", "dependencies", "'zzz' is not a task of this plan")),
        PlanValidator.validate(plan));
  }

  @Test
  void reportsADependencyOnItselfOnlyOnceAndNotAsACycle() {
    Plan plan = plan(task("a", "a"));

    assertEquals(
        List.of(new PlanProblem("tasks/a.md", "a", "dependencies", "the task depends on itself")),
        PlanValidator.validate(plan));
  }

  @Test
  void printsTheCycle() {
    Plan plan = plan(task("task-a", "task-b"), task("task-b", "task-a"));

    List<PlanProblem> problems = PlanValidator.validate(plan);

    assertEquals(
        List.of(
            new PlanProblem(
                "tasks/task-a.md",
                "task-a",
                "dependencies",
                "form a cycle: task-a -> task-b -> task-a")),
        problems);
    assertEquals(
        "tasks/task-a.md: task 'task-a': dependencies: form a cycle: task-a -> task-b -> task-a",
        problems.get(0).toString());
  }

  @Test
  void printsTheShortestCycleOfATangleOnce() {
    // a -> b -> c -> a and b -> a are one tangle: its shortest cycle through a is a -> b -> a.
    Plan plan = plan(task("a", "b"), task("b", "c", "a"), task("c", "a"), task("d", "c"));

    assertEquals(
        List.of(new PlanProblem("tasks/a.md", "a", "dependencies", "form a cycle: a -> b -> a")),
        PlanValidator.validate(plan));
  }

  @Test
  void printsEachSeparateCycle() {
    Plan plan =
        plan(
            task("a", "b"),
            task("b", "a"),
            task("x"),
            task("c", "d"),
            task("d", "e"),
            task("e", "c"));

    List<String> messages =
        PlanValidator.validate(plan).stream().map(PlanProblem::message).toList();

    assertEquals(List.of("form a cycle: a -> b -> a", "form a cycle: c -> d -> e -> c"), messages);
  }

  @Test
  void reportsUnsafeIds() {
    Plan plan = plan(task("../../etc"), task("-rf"));

    assertEquals(
        List.of(
            new PlanProblem(
                "tasks/../../etc.md",
                "../../etc",
                "id",
                "'../../etc' may only contain letters, digits, '.', '_' and '-'"),
            new PlanProblem("tasks/-rf.md", "-rf", "id", "'-rf' may not start with '-'")),
        PlanValidator.validate(plan));
  }

  @Test
  void reportsAMissingPriority() {
    Plan plan = plan(task("a", (Priority) null));

    assertEquals(
        List.of(new PlanProblem("tasks/a.md", "a", "priority", "is missing")),
        PlanValidator.validate(plan));
  }

  @Test
  void reportsEveryProblemAtOnceInTheFilesThatDeclaredThem() {
    Plan plan =
        plan(
            task("a", "b"),
            task("b", "a"),
            task("a"),
            task("c", "c", "ghost"),
            task("../../etc"),
            task("-rf", "a"));
    FieldOrigin origin =
        (index, field) -> field.equals("id") ? "plan.yaml" : "tasks/" + index + ".md";

    List<String> problems =
        PlanValidator.validate(plan, origin).stream().map(PlanProblem::toString).toList();

    assertEquals(
        List.of(
            "plan.yaml: task 'a': id: 'a' is used by more than one task (entries 1 and 3 of the"
                + " plan)",
            "tasks/3.md: task 'c': dependencies: the task depends on itself",
            "tasks/3.md: task 'c': dependencies: 'ghost' is not a task of this plan",
            "plan.yaml: task '../../etc': id: '../../etc' may only contain letters, digits, '.',"
                + " '_' and '-'",
            "plan.yaml: task '-rf': id: '-rf' may not start with '-'",
            "tasks/0.md: task 'a': dependencies: form a cycle: a -> b -> a"),
        problems);
  }

  @Test
  void findsACycleBeforeAGraphIsBuiltEvenInAnOtherwiseInvalidPlan() {
    Plan plan = plan(task("a"), task("b", "c", "missing"), task("c", "b"), task("b"));

    assertEquals(Optional.of(List.of("b", "c", "b")), PlanGraph.findCycle(plan));
    assertEquals(Optional.of(List.of("a", "a")), PlanGraph.findCycle(plan(task("a", "a"))));
    assertEquals(Optional.empty(), PlanGraph.findCycle(plan(task("a"), task("b", "a"))));
  }
}
