package dev.braid.starter.run;

import dev.braid.starter.temporal.Connection;

/**
 * A run this process started or attached to.
 *
 * @param runId the run's workflow id
 * @param attached whether it was already running
 * @param connection the connection it runs on
 */
public record StartedRun(String runId, boolean attached, Connection connection) {

  /** The run's page in the Temporal Web UI, or null when unknown. */
  public String webUiUrl() {
    return connection.workflowUrl(runId);
  }
}
