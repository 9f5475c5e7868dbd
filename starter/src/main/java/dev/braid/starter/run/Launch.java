package dev.braid.starter.run;

/**
 * What {@code execute} found and did.
 *
 * @param kind what it did
 * @param temporalRunId the Temporal run it started, followed, or found done
 * @param previous the plan's last run when a new one started after it, else null
 */
public record Launch(LaunchKind kind, String temporalRunId, RunExecution previous) {}
