package dev.braid.workflow;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replays histories recorded on the real Temporal dev server against today's workflow code. A
 * change that would break a run already in flight fails here, before it ships; such a change must
 * go through {@code Workflow.getVersion} (see docs/ARCHITECTURE.md).
 */
class ReplayTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // Recorded before the merge queue: replays down Workflow.getVersion's old path.
    "execute-demo.json, execute",
    // Recorded with the merge queue.
    "execute-merge-queue.json, execute",
    "task-from-integration.json, task",
    "task-escalated.json, task",
    "task-checks-retried.json, task",
    // Recorded with blockers as data (run-truth, task-states): a setup that failed until fixed,
    // a semantic conflict whose task a human skipped, a run that ended failed in Temporal.
    "execute-blocked-and-failed.json, execute",
    "task-setup-blocked-then-retried.json, task",
    "task-round-blocked-then-skipped.json, task",
    "execute-bisection.json, execute",
    "task-status-alongside.json, task",
    // overlap: serialize, two tasks that declare the same file: the second waited for the merge.
    "execute-overlap-serialize.json, execute",
    // The plan in the run's input (kept out of git), statuses mirrored on the starting host.
    "execute-plan-in-input.json, execute",
    "task-status-on-start-host.json, task",
    // A second task held back by the run's budget (digest-run-blocked), then raised by a human.
    "execute-run-budget-raised.json, execute",
    // A task that failed its checks after spending $0.50 holds the next back at perRun $0.40
    // (budget-counts-blocked-spend); both skipped by a human, the run ends failed.
    "execute-blocked-spend.json, execute",
    // pr mode, recorded against the GitHub stand-in: pull requests that deliver, with issues
    // (pr-delivers); watched, with a check-failure round, a changes-requested round, and a task
    // stacked on its dependency's pull request and moved onto the target once that one merged
    // (pr-watch, pr-stack-on-review); a task whose wait a webhook's signal ended (pr-webhook).
    "execute-pr-delivers-issues.json, execute",
    "execute-pr-watch-stacked.json, execute",
    "task-pr-check-failed-round.json, task",
    "task-pr-changes-requested-round.json, task",
    "task-pr-stacked-moved-onto-target.json, task",
    "task-pr-webhook-news.json, task",
    // A merge queue that checked the next batch ahead of the running step (bench/merge-queue.sh).
    "execute-merge-steps-ahead.json, execute",
    // The run's budget stopped a running task's attempts; a human's raise reached the task's own
    // workflow and the run, which released the task it had held back (recorded by hand).
    "execute-run-budget-attempts.json, execute",
    "task-run-budget-held-by-task.json, task",
    // 20 tasks at maxParallel 4 whose queued tasks left their slot to the next task
    // (queued-tasks-free-slots; bench/per-task.sh).
    "execute-queue-free-slots.json, execute"
  })
  void recordedHistoryReplaysWithoutNondeterminism(String file, String kind) throws Exception {
    WorkflowExecutionHistory history =
        WorkflowExecutionHistory.fromJson(read("/histories/" + file));
    assertTrue(history.getEvents().size() > 10, "a real history, not a stub");

    Class<?> workflow = kind.equals("execute") ? ExecuteWorkflowImpl.class : TaskWorkflowImpl.class;
    // Throws on any mismatch between the recorded commands and what the code does now.
    try {
      WorkflowReplayer.replayWorkflowExecution(history, workflow);
    } catch (RuntimeException e) {
      if (!slowThread(e)) {
        throw e;
      }
      // The first replay in a cold JVM on a loaded machine can hold its thread past the SDK's
      // one-second deadlock detector while classes load; that says nothing about determinism,
      // so it replays once more, warm. A mismatch fails either way.
      WorkflowReplayer.replayWorkflowExecution(history, workflow);
    }
  }

  private static boolean slowThread(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      // The replayer reports a failed workflow task as text, so the type is matched by name too.
      if (cause instanceof io.temporal.internal.sync.PotentialDeadlockException
          || String.valueOf(cause.getMessage()).contains("PotentialDeadlockException")
          || String.valueOf(cause.getMessage()).contains("Potential deadlock detected")) {
        return true;
      }
    }
    return false;
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = ReplayTest.class.getResourceAsStream(resource)) {
      assertNotNull(in, resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
