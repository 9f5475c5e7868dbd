package dev.braid.starter.run;

import dev.braid.activity.Usage;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import dev.braid.plan.TaskState;
import dev.braid.workflow.BlockKind;
import dev.braid.workflow.Blocker;
import dev.braid.workflow.BraidNames;
import dev.braid.workflow.RunDigest;
import dev.braid.workflow.RunPhase;
import dev.braid.workflow.RunStatus;
import dev.braid.workflow.TaskPhase;
import dev.braid.workflow.TaskProgress;
import dev.braid.workflow.TaskStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's status built from what Temporal stores (the run's memo, its task workflows' memos and
 * statuses), in the shape the status query returns, so {@code braid status} needs no worker. What
 * only a worker knows is left out: commits, usage and the merge's result (the run's result holds
 * them once it has ended). A task whose workflow finished shows completed while its merge waits.
 */
public final class StoredRun {
  private StoredRun() {}

  /**
   * @param run the run's execution, with its memo
   * @param tasks its task workflows, by task id
   * @param plan its plan, for the tasks with no workflow yet and for titles; null when unreadable
   * @param repo the run's repository, for the blocked tasks' log directories
   */
  public static RunStatus build(
      RunExecution run, Map<String, TaskExecution> tasks, Plan plan, String repo) {
    RunDigest digest = run.digest();
    Map<String, TaskStatus> statuses = new LinkedHashMap<>();
    if (plan != null) {
      for (PlanTask task : plan.tasks()) {
        TaskExecution execution = tasks.get(task.id());
        statuses.put(
            task.id(),
            execution != null
                ? task(execution, task.title(), run, repo)
                : notStarted(task.id(), task.title(), task.state() == TaskState.COMPLETED));
      }
    }
    for (TaskExecution execution : tasks.values()) {
      statuses.computeIfAbsent(execution.taskId(), id -> task(execution, id, run, repo));
    }
    if (digest != null && run.running()) {
      // Blocks the run decides itself have no running task workflow to say so: its memo does.
      digest
          .runBlocked()
          .forEach((id, why) -> statuses.computeIfPresent(id, (k, s) -> held(s, why)));
    }
    return new RunStatus(
        run.workflowId(),
        digest == null ? (plan == null ? run.workflowId() : plan.name()) : digest.planName(),
        phase(run),
        new ArrayList<>(statuses.values()),
        null,
        digest != null ? digest.startedAtMillis() : run.startMillis(),
        run.closeMillis(),
        message(run));
  }

  private static RunPhase phase(RunExecution run) {
    return switch (run.status()) {
      case WORKFLOW_EXECUTION_STATUS_RUNNING ->
          run.digest() == null ? RunPhase.RUNNING : run.digest().phase();
      case WORKFLOW_EXECUTION_STATUS_COMPLETED -> RunPhase.DONE;
      case WORKFLOW_EXECUTION_STATUS_CANCELED -> RunPhase.CANCELLED;
      default -> RunPhase.FAILED;
    };
  }

  private static String message(RunExecution run) {
    String digest = run.digest() == null ? null : run.digest().message();
    if (run.running() || run.status().name().endsWith("COMPLETED")) {
      return digest;
    }
    String ended = "the run's workflow ended " + run.statusLabel() + " in Temporal";
    return digest == null ? ended : digest + "; " + ended;
  }

  private static TaskStatus held(TaskStatus s, Blocker why) {
    return new TaskStatus(
        s.id(),
        s.title(),
        TaskPhase.BLOCKED,
        s.attempts(),
        s.tier(),
        s.branch(),
        s.headCommit(),
        why.reason(),
        s.startedAtMillis(),
        0,
        s.tiers(),
        s.usage(),
        s.pullRequest(),
        why);
  }

  private static TaskStatus notStarted(String id, String title, boolean completedBefore) {
    return new TaskStatus(
        id,
        title,
        completedBefore ? TaskPhase.COMPLETED : TaskPhase.WAITING,
        0,
        null,
        BraidNames.taskBranch(id),
        null,
        completedBefore ? "completed before this run" : null,
        0,
        0,
        List.of(),
        Usage.unknown(),
        null);
  }

  private static TaskStatus task(TaskExecution e, String title, RunExecution run, String repo) {
    TaskProgress p = e.progress();
    TaskPhase phase = p == null ? TaskPhase.RUNNING : p.phase();
    String reason = p == null ? null : p.reason();
    Blocker blocker = p == null ? null : p.blocker();
    switch (e.status()) {
      case WORKFLOW_EXECUTION_STATUS_RUNNING, WORKFLOW_EXECUTION_STATUS_COMPLETED -> {}
      case WORKFLOW_EXECUTION_STATUS_CANCELED -> {
        if (!phase.finished()) {
          phase = TaskPhase.SKIPPED;
          reason = "cancelled with the run";
        }
      }
      default -> {
        // The run blocks a task whose workflow failed, and a retry starts it again.
        phase = TaskPhase.BLOCKED;
        reason =
            "task workflow ended "
                + e.status()
                    .name()
                    .replace("WORKFLOW_EXECUTION_STATUS_", "")
                    .toLowerCase(java.util.Locale.ROOT);
        blocker =
            new Blocker(
                BlockKind.TASK_FAILED,
                reason,
                BraidNames.taskLogDir(repo, run.workflowId(), run.temporalRunId(), e.taskId()),
                null);
      }
    }
    List<String> tiers = p == null ? List.of() : p.tiers();
    return new TaskStatus(
        e.taskId(),
        title,
        phase,
        p == null ? 0 : p.attempts(),
        tiers.isEmpty() ? null : tiers.get(tiers.size() - 1),
        BraidNames.taskBranch(e.taskId()),
        null,
        reason,
        e.startedAtMillis(),
        phase.finished() ? e.closedAtMillis() : 0,
        tiers,
        Usage.unknown(),
        null,
        shown(phase, blocker));
  }

  /**
   * The blocker to show: a blocked task's, and a running task's wait (a rate limit), which is why
   * it does not move although nothing is wrong. A stale blocker of a task that moved on is not.
   */
  private static Blocker shown(TaskPhase phase, Blocker blocker) {
    if (blocker == null) {
      return null;
    }
    boolean waiting = phase == TaskPhase.RUNNING && blocker.kind().isWait();
    return phase == TaskPhase.BLOCKED || waiting ? blocker : null;
  }
}
