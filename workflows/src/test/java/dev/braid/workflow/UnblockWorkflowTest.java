package dev.braid.workflow;

import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.plan.Plan;
import dev.braid.plan.Priority;
import dev.braid.plan.TaskState;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A blocked task waits for a human, who retries it, skips it, or finishes it by hand. */
class UnblockWorkflowTest {
  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  /** Starts the run and returns its stub once the predicate holds on its status. */
  private ExecuteWorkflow startAndWait(Plan plan, Fakes fakes, Predicate<RunStatus> until)
      throws InterruptedException {
    harness.host(fakes);
    harness.env.start();
    ExecuteWorkflow run =
        harness
            .client()
            .newWorkflowStub(
                ExecuteWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("run")
                    .setTaskQueue(BraidNames.TASK_QUEUE)
                    .build());
    WorkflowClient.start(run::execute, new RunRequest("/repo", plan.dir(), config(2)));
    awaitStatus(run, until);
    return run;
  }

  private static RunStatus awaitStatus(ExecuteWorkflow run, Predicate<RunStatus> until)
      throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      RunStatus status = run.status();
      if (until.test(status)) {
        return status;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the run never reached the expected state: " + run.status());
  }

  private static Predicate<RunStatus> runBlocked() {
    return s -> s.phase() == RunPhase.BLOCKED;
  }

  private RunStatus result() {
    return harness.finalStatus("run");
  }

  private static Map<String, TaskStatus> byId(RunStatus status) {
    return status.tasks().stream().collect(Collectors.toMap(TaskStatus::id, Function.identity()));
  }

  @Test
  void failedAttemptSucceedsOnTheSameTier() throws Exception {
    Plan plan = plan(task("once", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.failuresLeft.put("once", 1);

    RunStatus status =
        harness.host(fakes).run("run-once", new RunRequest("/repo", plan.dir(), config(1)));

    TaskStatus once = byId(status).get("once");
    assertEquals(TaskPhase.COMPLETED, once.phase());
    assertEquals(2, once.attempts());
    assertEquals(List.of("fast"), once.tiers());
  }

  @Test
  void blockedTaskWaitsThenRetriesWithGuidanceOnTheNamedTier() throws Exception {
    Plan plan =
        plan(
            task("stuck", Priority.HIGH),
            task("after-stuck", Priority.MEDIUM, "stuck"),
            task("free", Priority.LOW));
    Fakes fakes = new Fakes(plan);
    fakes.needGuidance.add("stuck");
    ExecuteWorkflow run = startAndWait(plan, fakes, runBlocked());

    RunStatus blocked = run.status();
    assertEquals(TaskPhase.BLOCKED, byId(blocked).get("stuck").phase());
    assertTrue(byId(blocked).get("stuck").reason().contains("AgentFailed"), blocked.toString());
    // Its dependent waits rather than being skipped; the independent task went on.
    assertEquals(TaskPhase.WAITING, byId(blocked).get("after-stuck").phase());
    assertEquals(TaskPhase.COMPLETED, byId(blocked).get("free").phase());
    assertEquals(TaskState.BLOCKED, fakes.statuses.get("stuck"));
    assertEquals(1, fakes.notified.size(), fakes.notified.toString());
    assertTrue(fakes.notified.get(0).startsWith("stuck: "), fakes.notified.toString());

    UnblockResult result =
        run.unblock(new UnblockRequest("stuck", UnblockAction.RETRY, "use the v2 API", "strong"));
    assertEquals("task stuck will run again from tier strong", result.message());

    RunStatus end = result();
    assertEquals(RunPhase.DONE, end.phase(), end.toString());
    TaskStatus stuck = byId(end).get("stuck");
    assertEquals(TaskPhase.COMPLETED, stuck.phase());
    assertEquals(List.of("fast", "strong", "strong"), stuck.tiers());
    assertEquals(4, stuck.attempts());
    assertEquals("use the v2 API", fakes.guidanceSeen.get("stuck"));
    assertEquals(TaskPhase.COMPLETED, byId(end).get("after-stuck").phase());
    // The merge queue merges in the order tasks finish: free first, then the unblocked pair.
    assertEquals(
        List.of("feature/free", "feature/stuck", "feature/after-stuck"),
        fakes.merges.get(0).branches());
  }

  @Test
  void skippedTaskSkipsItsDependents() throws Exception {
    Plan plan =
        plan(
            task("broken", Priority.HIGH),
            task("needs", Priority.MEDIUM, "broken"),
            task("needs-needs", Priority.MEDIUM, "needs"),
            task("free", Priority.LOW));
    Fakes fakes = new Fakes(plan);
    fakes.alwaysFail.add("broken");
    ExecuteWorkflow run = startAndWait(plan, fakes, runBlocked());

    run.unblock(new UnblockRequest("broken", UnblockAction.SKIP, null, null));

    RunStatus end = result();
    Map<String, TaskStatus> tasks = byId(end);
    assertEquals(TaskPhase.SKIPPED, tasks.get("broken").phase());
    assertTrue(
        tasks.get("broken").reason().startsWith("skipped by a human"),
        tasks.get("broken").reason());
    assertEquals(TaskPhase.SKIPPED, tasks.get("needs").phase());
    assertEquals("dependency broken is skipped", tasks.get("needs").reason());
    assertEquals(TaskPhase.SKIPPED, tasks.get("needs-needs").phase());
    assertEquals(TaskPhase.COMPLETED, tasks.get("free").phase());
    assertEquals(TaskState.PENDING, fakes.statuses.get("broken"));
    assertEquals(RunPhase.FAILED, end.phase());
    assertEquals(List.of("feature/free"), fakes.merges.get(0).branches());
  }

  @Test
  void doneWithPassingChecksCompletesTheTask() throws Exception {
    Plan plan = plan(task("by-hand", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.alwaysFail.add("by-hand");
    fakes.manualChecksPass.add("by-hand");
    ExecuteWorkflow run = startAndWait(plan, fakes, runBlocked());

    run.unblock(new UnblockRequest("by-hand", UnblockAction.DONE, null, null));

    RunStatus end = result();
    assertEquals(RunPhase.DONE, end.phase());
    assertEquals("manual-by-hand", byId(end).get("by-hand").headCommit());
    assertTrue(fakes.events.contains("manual by-hand"));
    assertEquals(TaskState.COMPLETED, fakes.statuses.get("by-hand"));
  }

  @Test
  void doneWithFailingChecksStaysBlockedWithTheOutput() throws Exception {
    Plan plan = plan(task("by-hand", Priority.MEDIUM));
    Fakes fakes = new Fakes(plan);
    fakes.alwaysFail.add("by-hand");
    ExecuteWorkflow run = startAndWait(plan, fakes, runBlocked());

    run.unblock(new UnblockRequest("by-hand", UnblockAction.DONE, null, null));
    RunStatus again =
        awaitStatus(
            run,
            s ->
                s.phase() == RunPhase.BLOCKED
                    && byId(s).get("by-hand").reason().startsWith("checks after the manual fix"));

    assertTrue(byId(again).get("by-hand").reason().contains("1 test failed"), again.toString());
    assertTrue(fakes.events.contains("manual by-hand"));
    run.unblock(new UnblockRequest("by-hand", UnblockAction.SKIP, null, null));
    assertEquals(TaskPhase.SKIPPED, byId(result()).get("by-hand").phase());
  }

  @Test
  void validatorRejectsWhatCannotBeDone() throws Exception {
    Plan plan = plan(task("stuck", Priority.HIGH), task("later", Priority.LOW, "stuck"));
    Fakes fakes = new Fakes(plan);
    fakes.alwaysFail.add("stuck");
    ExecuteWorkflow run = startAndWait(plan, fakes, runBlocked());

    assertRejected(
        run,
        new UnblockRequest("ghost", UnblockAction.RETRY, null, null),
        "no task 'ghost' in this run");
    assertRejected(
        run,
        new UnblockRequest("later", UnblockAction.RETRY, null, null),
        "task 'later' is waiting, not blocked");
    assertRejected(
        run,
        new UnblockRequest("stuck", UnblockAction.RETRY, null, "turbo"),
        "no tier 'turbo'; the tiers are fast, strong");
    assertRejected(
        run,
        new UnblockRequest("stuck", UnblockAction.SKIP, "why", null),
        "guidance, tier and budget go with retry only");
    assertRejected(
        run,
        new UnblockRequest("stuck", null, null, null),
        "an unblock needs a taskId and an action (retry, skip or done)");

    // A rejected update leaves no trace: the task is still blocked and can be skipped.
    assertEquals(TaskPhase.BLOCKED, byId(run.status()).get("stuck").phase());
    run.unblock(new UnblockRequest("stuck", UnblockAction.SKIP, null, null));
    assertEquals(RunPhase.FAILED, result().phase());
  }

  private static void assertRejected(ExecuteWorkflow run, UnblockRequest request, String message) {
    WorkflowUpdateException e =
        assertThrows(WorkflowUpdateException.class, () -> run.unblock(request));
    Throwable cause = e.getCause();
    assertTrue(cause.getMessage().contains(message), cause.getMessage());
  }

  @Test
  void twoBlockedTasksAtOnceAreUnblockedOneByOne() throws Exception {
    Plan plan =
        plan(
            task("one", Priority.MEDIUM),
            task("two", Priority.MEDIUM),
            task("both", Priority.LOW, "one", "two"));
    Fakes fakes = new Fakes(plan);
    fakes.needGuidance.add("one");
    fakes.needGuidance.add("two");
    ExecuteWorkflow run =
        startAndWait(
            plan,
            fakes,
            s ->
                s.phase() == RunPhase.BLOCKED
                    && s.tasks().stream().filter(t -> t.phase() == TaskPhase.BLOCKED).count() == 2);

    run.unblock(new UnblockRequest("one", UnblockAction.RETRY, "hint one", null));
    RunStatus mid = awaitStatus(run, s -> byId(s).get("one").phase() == TaskPhase.COMPLETED);
    assertEquals(TaskPhase.BLOCKED, byId(mid).get("two").phase());
    assertEquals(TaskPhase.WAITING, byId(mid).get("both").phase());

    // The plain signal carries the same decision, for `temporal workflow signal`.
    run.unblockSignal(new UnblockRequest("two", UnblockAction.RETRY, "hint two", null));

    RunStatus end = result();
    assertEquals(RunPhase.DONE, end.phase(), end.toString());
    assertEquals("hint two", fakes.guidanceSeen.get("two"));
    assertFalse(end.tasks().stream().anyMatch(t -> t.phase() != TaskPhase.COMPLETED));
  }
}
