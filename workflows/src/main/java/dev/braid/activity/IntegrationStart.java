package dev.braid.activity;

/**
 * Creates a run's integration branch, which collects each task's work as it is merged.
 *
 * @param repo the main checkout, absolute
 * @param runId the run; the branch is {@code braid/<runId>}
 * @param target the branch it starts from
 */
public record IntegrationStart(String repo, String runId, String target) {}
