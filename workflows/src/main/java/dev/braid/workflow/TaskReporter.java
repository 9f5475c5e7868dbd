package dev.braid.workflow;

import dev.braid.activity.NotifyActivities;
import dev.braid.activity.NotifyRequest;
import io.temporal.common.SearchAttributeKey;
import io.temporal.workflow.Workflow;
import java.util.Map;

/**
 * Says where a task stands: to its run (the {@code taskProgress} signal), to the Web UI and to
 * clients with no worker (this workflow's memo and {@code BraidTaskState}), and to a human (the
 * worker's {@code notify} command) when the task blocks.
 */
final class TaskReporter {
  private static final SearchAttributeKey<String> TASK_STATE =
      SearchAttributeKey.forKeyword(BraidNames.SA_TASK_STATE);

  private final TaskRequest request;
  private final Cascade cascade;

  TaskReporter(TaskRequest request, Cascade cascade) {
    this.request = request;
    this.cascade = cascade;
  }

  /**
   * Tells the run, and keeps the same report in this workflow's memo and search attribute. A task
   * workflow started on its own, as in tests, has no run to tell.
   */
  void report(TaskPhase phase, Blocker why) {
    TaskProgress progress = publish(phase, why);
    if (Workflow.getInfo().getParentWorkflowId().isEmpty()) {
      return;
    }
    Workflow.newExternalWorkflowStub(ExecuteWorkflow.class, request.runId()).taskProgress(progress);
  }

  /** Keeps the report in this workflow's memo and search attribute only. */
  TaskProgress publish(TaskPhase phase, Blocker why) {
    TaskProgress progress =
        new TaskProgress(
            request.task().id(),
            phase,
            cascade.attempts(),
            cascade.tiersRun(),
            why == null ? null : why.reason(),
            why,
            cascade.spentUsd());
    Workflow.upsertMemo(Map.of(BraidNames.MEMO_TASK, progress.brief()));
    Workflow.upsertTypedSearchAttributes(
        TASK_STATE.valueSet(
            (why != null && why.kind().isWait() ? "waiting" : phase.label())
                + (why == null ? "" : ":" + why.kind().label())));
    return progress;
  }

  /**
   * The worker runs its own {@code notify} command, if it has one: the argv stays out of the
   * history, since a webhook's secret is often in it. A run started by an older braid still carries
   * it in its settings, and passes it on.
   */
  void notifyBlocked(Blocker blocker) {
    Workflow.newActivityStub(NotifyActivities.class, BraidActivityOptions.notifyHuman())
        .notifyBlocked(
            new NotifyRequest(
                request.config().notifyCommand(),
                request.repo(),
                request.runId(),
                request.task().id(),
                blocker.reason()));
  }
}
