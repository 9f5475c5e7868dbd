package dev.braid.workflow;

import static dev.braid.workflow.Plans.completed;
import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.plan.Plan;
import dev.braid.plan.Priority;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecuteWorkflowTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static Map<String, TaskStatus> byId(RunStatus status) {
    return status.tasks().stream().collect(Collectors.toMap(TaskStatus::id, Function.identity()));
  }

  private static int indexOf(List<String> events, String event) {
    int i = events.indexOf(event);
    assertTrue(i >= 0, "no event '" + event + "' in " + events);
    return i;
  }

  @Test
  void dependentStartsOnlyAfterItsDependencyCompleted() {
    Plan plan =
        plan(
            task("a", Priority.MEDIUM),
            task("b", Priority.MEDIUM, "a"),
            task("c", Priority.MEDIUM, "b"));
    Fakes fakes = new Fakes(plan);
    harness.host(fakes);

    RunStatus status = harness.run("run-deps", new RunRequest("/repo", plan.dir(), config(4)));

    List<String> events = fakes.events;
    assertTrue(indexOf(events, "done a") < indexOf(events, "prepare b on braid@test-host"));
    assertTrue(indexOf(events, "done b") < indexOf(events, "prepare c on braid@test-host"));
    assertEquals(RunPhase.DONE, status.phase());
    assertTrue(status.tasks().stream().allMatch(t -> t.phase() == TaskPhase.COMPLETED));
    assertEquals(List.of("feature/a", "feature/b", "feature/c"), fakes.merges.get(0).branches());
  }

  @Test
  void highestPriorityStartsFirst() {
    Plan plan =
        plan(
            task("low", Priority.LOW),
            task("high", Priority.HIGH),
            task("blocker", Priority.BLOCKER),
            task("medium", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    harness.host(fakes);

    harness.run("run-priority", new RunRequest("/repo", plan.dir(), config(1)));

    List<String> starts = fakes.events.stream().filter(e -> e.startsWith("prepare ")).toList();
    assertEquals(
        List.of(
            "prepare blocker on braid@test-host",
            "prepare high on braid@test-host",
            "prepare medium on braid@test-host",
            "prepare low on braid@test-host"),
        starts);
  }

  @Test
  void neverRunsMoreThanMaxParallel() {
    Plan plan =
        plan(
            task("t1", Priority.MEDIUM),
            task("t2", Priority.MEDIUM),
            task("t3", Priority.MEDIUM),
            task("t4", Priority.MEDIUM),
            task("t5", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.agentMillis = 300;
    harness.host(fakes);

    RunStatus status = harness.run("run-parallel", new RunRequest("/repo", plan.dir(), config(2)));

    assertEquals(RunPhase.DONE, status.phase());
    assertEquals(2, fakes.maxRunning.get(), "two agents at once, never three");
  }

  @Test
  void tasksCompletedBeforeTheRunAreSkippedAndUnblockTheirDependents() {
    Plan plan = plan(completed("done-before"), task("next", Priority.MEDIUM, "done-before"));
    Fakes fakes = new Fakes(plan);
    harness.host(fakes);

    RunStatus status = harness.run("run-skip", new RunRequest("/repo", plan.dir(), config(2)));

    assertFalse(
        fakes.events.stream().anyMatch(e -> e.contains("done-before on")), fakes.events.toString());
    assertEquals(TaskPhase.COMPLETED, byId(status).get("next").phase());
    assertEquals(List.of("feature/next"), fakes.merges.get(0).branches());
    assertEquals(RunPhase.DONE, status.phase());
  }

  @Test
  void failedAttemptIsRetriedOnTheSameTierThenEscalates() {
    Plan plan = plan(task("flaky", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.failuresLeft.put("flaky", 2);
    harness.host(fakes);

    RunStatus status = harness.run("run-retry", new RunRequest("/repo", plan.dir(), config(1)));

    TaskStatus flaky = byId(status).get("flaky");
    assertEquals(TaskPhase.COMPLETED, flaky.phase());
    assertEquals("strong", flaky.tier());
    assertEquals(3, flaky.attempts());
    assertEquals(
        List.of("fast", "fast", "strong"),
        fakes.events.stream()
            .filter(e -> e.startsWith("start flaky"))
            .map(e -> e.split(" ")[2])
            .toList());
  }

  @Test
  void everyActivityOfATaskRunsOnTheHostThatPreparedItsWorktree() {
    Plan plan =
        plan(
            task("a", Priority.MEDIUM),
            task("b", Priority.MEDIUM),
            task("c", Priority.MEDIUM),
            task("d", Priority.MEDIUM));
    List<String> events = new CopyOnWriteArrayList<>();
    Fakes hostA = new Fakes(plan, "braid@host-a", events);
    Fakes hostB = new Fakes(plan, "braid@host-b", events);
    hostA.agentMillis = 100;
    hostB.agentMillis = 100;
    harness.host(hostA).host(hostB);

    RunStatus status = harness.run("run-hosts", new RunRequest("/repo", plan.dir(), config(4)));

    assertEquals(RunPhase.DONE, status.phase());
    for (String id : List.of("a", "b", "c", "d")) {
      String prepared =
          events.stream()
              .filter(e -> e.startsWith("prepare " + id + " on "))
              .findFirst()
              .orElseThrow();
      String host = prepared.substring(prepared.lastIndexOf(' ') + 1);
      List<String> later =
          events.stream()
              .filter(
                  e ->
                      e.startsWith("start " + id + " ")
                          || e.startsWith("push feature/" + id + " ")
                          || e.startsWith("status " + id + " "))
              .toList();
      assertFalse(later.isEmpty());
      for (String e : later) {
        assertTrue(e.endsWith(" on " + host), e + " should run on " + host);
      }
    }
  }
}
