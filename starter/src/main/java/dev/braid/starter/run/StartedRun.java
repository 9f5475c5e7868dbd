package dev.braid.starter.run;

import dev.braid.starter.temporal.Connection;
import java.nio.file.Path;

/**
 * A run this process started, attached to, or found done.
 *
 * @param runId the run's workflow id
 * @param launch what was done, and which Temporal run it is
 * @param connection the connection it runs on
 * @param repo the repository the run works on, for log paths
 * @param planDir the run's plan directory, for the report's critical path; null when unknown
 */
public record StartedRun(
    String runId, Launch launch, Connection connection, Path repo, Path planDir) {

  /** Whether it was already running. */
  public boolean attached() {
    return launch.kind() == LaunchKind.ATTACHED;
  }

  /** The Temporal run: the id that tells this run from the plan's other runs. */
  public String temporalRunId() {
    return launch.temporalRunId();
  }

  /** The run's page in the Temporal Web UI, or null when unknown. */
  public String webUiUrl() {
    return connection.workflowUrl(runId, launch.temporalRunId());
  }
}
