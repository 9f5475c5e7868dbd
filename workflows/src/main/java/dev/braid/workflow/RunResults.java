package dev.braid.workflow;

import io.temporal.failure.ApplicationFailure;
import java.util.Optional;

/**
 * Reads a run's final status out of the way it ended. A run that did not bring every task to the
 * target fails with {@link ExecuteWorkflowImpl#RUN_FAILED}, whose details are its {@link
 * RunStatus}; clients read it here rather than asking a worker.
 */
public final class RunResults {
  private RunResults() {}

  /** The final status carried by a run's failure, when the failure is a run that ended failed. */
  public static Optional<RunStatus> fromFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure app
          && ExecuteWorkflowImpl.RUN_FAILED.equals(app.getType())
          && app.getDetails().getSize() > 0) {
        return Optional.of(app.getDetails().get(RunStatus.class));
      }
    }
    return Optional.empty();
  }
}
