package dev.braid.workflow;

import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.hostWait;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.AttemptRequest;
import dev.braid.plan.FileOverlap;
import dev.braid.plan.Plan;
import dev.braid.plan.Priority;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A fleet's hosts each have their own checkout, so a run takes its plan from its input, never from
 * the starting checkout's files, and mirrors task-file statuses on the host that started it.
 */
class PlanInInputTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static PlanSnapshot snapshot(Plan plan, List<FileOverlap> overlaps) {
    return PlanSnapshot.of(
        plan, Map.of("a", "# Task a\n\nwrite a\n", "b", "# Task b\n\nwrite b\n"), overlaps);
  }

  @Test
  void aRunReadsNoPlanFileAndEveryAttemptGetsItsTaskTextFromTheInput() {
    Plan plan = plan(task("a", Priority.HIGH), task("b", Priority.MEDIUM, "a"));
    List<String> events = new CopyOnWriteArrayList<>();
    Fakes worker = new Fakes(plan, "braid@worker", events);
    // The starting host's worker polls its queue of file operations too.
    Fakes starter = new Fakes(plan, BraidNames.hostFilesQueue("braid", "starter"), events);
    harness.host(worker).host(starter);
    List<FileOverlap> none = List.of();

    RunStatus run =
        harness.run(
            "run-snapshot",
            new RunRequest("/repo", plan.dir(), config(2), null, snapshot(plan, none), "starter"));

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    assertEquals(0, worker.planLoads.get() + starter.planLoads.get(), "no host read the plan");
    assertEquals(0, worker.overlapReads.get() + starter.overlapReads.get(), events.toString());
    List<AttemptRequest> attempts = new CopyOnWriteArrayList<>(worker.attempts);
    attempts.addAll(starter.attempts);
    assertEquals(2, attempts.size(), events.toString());
    for (AttemptRequest attempt : attempts) {
      assertEquals(
          "# Task " + attempt.taskId() + "\n\nwrite " + attempt.taskId() + "\n",
          attempt.taskText());
    }
    // Every status went to the starting host, whichever host ran the task.
    List<String> statuses = events.stream().filter(e -> e.startsWith("status ")).toList();
    assertEquals(4, statuses.size(), events.toString());
    assertTrue(
        statuses.stream().allMatch(e -> e.endsWith(" on braid@starter/files")),
        statuses.toString());
    assertTrue(statuses.contains("status b completed on braid@starter/files"), statuses.toString());
  }

  @Test
  void aStartingHostWithNoWorkerCostsTheRunItsMirrorOnly() {
    Plan plan = plan(task("a", Priority.HIGH), task("b", Priority.MEDIUM, "a"));
    Fakes worker = new Fakes(plan, "braid@worker", new CopyOnWriteArrayList<>());
    harness.host(worker);

    RunStatus run =
        harness.run(
            "run-starter-gone",
            new RunRequest(
                "/repo",
                plan.dir(),
                hostWait(config(2), 2),
                null,
                snapshot(plan, List.of()),
                "laptop"));

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    assertEquals(2, run.tasks().size());
    assertTrue(
        worker.events.stream().noneMatch(e -> e.startsWith("status ")),
        "nobody wrote a status: " + worker.events);
    assertTrue(worker.events.contains("merge [feature/a, feature/b]"), worker.events.toString());
  }

  @Test
  void overlapsComeFromTheInputToo() {
    Plan plan = plan(task("a", Priority.HIGH), task("b", Priority.LOW));
    Fakes worker = new Fakes(plan);
    worker.agentMillis = 300;
    harness.host(worker);
    List<FileOverlap> shared = List.of(new FileOverlap("a", "b", List.of("notes.txt")));

    RunStatus run =
        harness.run(
            "run-snapshot-overlaps",
            new RunRequest("/repo", plan.dir(), config(2), null, snapshot(plan, shared), null));

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    assertEquals(0, worker.overlapReads.get());
    assertEquals(
        1, worker.maxRunning.get(), "b waited for a, as the snapshot said: " + worker.events);
  }
}
