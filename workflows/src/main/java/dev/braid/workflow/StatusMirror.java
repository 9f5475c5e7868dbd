package dev.braid.workflow;

import dev.braid.activity.PlanActivities;
import dev.braid.plan.TaskState;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

/**
 * Writes a task file's status, a mirror kept for humans and Contextune: the state of record is in
 * Temporal, so a file that cannot be written (deleted, unreadable) is logged, never a reason to
 * block the task, which could then not even write that it is blocked.
 *
 * <p>{@code in_progress} is written alongside the work rather than before it, which saves a task a
 * round trip to the server and the write's own time at the start of every attempt. The next write
 * waits for it first, so the file's statuses never arrive out of order; every other status is
 * written before the task goes on, since what follows it (the end of the task's workflow, or a
 * human reading the file) must find it written.
 *
 * <p>Runs that name the host that started them write there, into the checkout whose files the human
 * sees; hosts of a fleet each have their own. When that host runs no worker, the first write that
 * finds no one gives the mirror up for the task: the state of record is in Temporal.
 */
final class StatusMirror {
  private static final Logger log = Workflow.getLogger(StatusMirror.class);

  /** The change that stopped a task from waiting for its {@code in_progress} write. */
  static final String ALONGSIDE_CHANGE = "status-alongside-work";

  /** The change that moved the writes to the host that started the run. */
  static final String START_HOST_CHANGE = "status-on-start-host";

  private final TaskRequest request;
  private final boolean alongside;
  private final PlanActivities startHost;
  private boolean startHostGone;
  private Promise<Void> pending;
  private CancellationScope pendingScope;

  StatusMirror(TaskRequest request) {
    this.request = request;
    this.alongside = Workflow.getVersion(ALONGSIDE_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
    this.startHost = startHostFiles(request);
  }

  /** The starting host's plan activities, or null when the task's own host writes. */
  private static PlanActivities startHostFiles(TaskRequest request) {
    // Only a request that names the queue asks: tasks of older runs replay as they were.
    if (request.statusQueue() == null
        || Workflow.getVersion(START_HOST_CHANGE, Workflow.DEFAULT_VERSION, 1) < 1) {
      return null;
    }
    return Workflow.newActivityStub(
        PlanActivities.class,
        BraidActivityOptions.startHostFiles(
            request.statusQueue(), request.config().hostWaitSeconds()));
  }

  /**
   * Writes the status through the starting host's plan activities, or, in runs that do not name it,
   * through those of the host that holds the task now.
   */
  void write(PlanActivities taskHostFiles, TaskState state) {
    settle();
    if (startHostGone) {
      return;
    }
    PlanActivities planFiles = startHost != null ? startHost : taskHostFiles;
    if (alongside && state == TaskState.IN_PROGRESS) {
      pendingScope =
          Workflow.newCancellationScope(
              () -> {
                pending =
                    Async.procedure(
                        planFiles::setTaskStatus, request.planDir(), request.task().file(), state);
              });
      pendingScope.run();
      return;
    }
    try {
      planFiles.setTaskStatus(request.planDir(), request.task().file(), state);
    } catch (ActivityFailure e) {
      unwritten(e, state);
    }
  }

  /**
   * The task moved to another host: a write still waiting for the old one is its business no more,
   * and is called off, so it can never land after a newer status.
   */
  void hostChanged() {
    if (startHost != null) {
      return;
    }
    if (pending != null && !pending.isCompleted()) {
      pendingScope.cancel();
    }
    pending = null;
  }

  /** Waits for the write still going on, if any. */
  private void settle() {
    if (pending == null) {
      return;
    }
    Promise<Void> last = pending;
    pending = null;
    try {
      last.get();
    } catch (ActivityFailure e) {
      unwritten(e, TaskState.IN_PROGRESS);
    }
  }

  /** A host that stopped answering, or a cancelled run, is the task's business; others are not. */
  private void unwritten(ActivityFailure e, TaskState state) {
    if (FailureText.cancelled(e)) {
      throw e;
    }
    if (FailureText.lostHost(e)) {
      if (startHost == null) {
        throw e;
      }
      startHostGone = true;
      log.warn(
          "task {}: no worker of the host that started the run answers; its task file's status"
              + " is no longer mirrored there",
          request.task().id());
      return;
    }
    log.warn(
        "task {}: its file's status stays as it was, not {}: {}",
        request.task().id(),
        state,
        FailureText.describe(e));
  }
}
