package dev.braid.starter.run;

import dev.braid.starter.temporal.Connection;
import java.nio.file.Path;

/**
 * A run this process started or attached to.
 *
 * @param runId the run's workflow id
 * @param attached whether it was already running
 * @param connection the connection it runs on
 * @param repo the repository the run works on, for log paths
 * @param planDir the run's plan directory, for the report's critical path; null when unknown
 */
public record StartedRun(
    String runId, boolean attached, Connection connection, Path repo, Path planDir) {

  /** A run whose plan directory is not known; the report then looks in the default place. */
  public StartedRun(String runId, boolean attached, Connection connection, Path repo) {
    this(runId, attached, connection, repo, null);
  }

  /** The run's page in the Temporal Web UI, or null when unknown. */
  public String webUiUrl() {
    return connection.workflowUrl(runId);
  }
}
