package dev.braid.activity;

/**
 * Creates a run's integration branch, which collects each task's work as it is merged.
 *
 * @param repo the main checkout, absolute
 * @param runId the run; the branch is {@code braid/<runId>}
 * @param target the branch it starts from
 * @param remote the hub the branch is pushed to, or adopted from when it has it already (a retry,
 *     or a run continued on another host); null, or a remote the repository lacks, keeps the branch
 *     local only
 */
public record IntegrationStart(String repo, String runId, String target, String remote) {

  /**
   * A local-only start, as recorded by runs from before the integration branch lived on a remote.
   */
  public IntegrationStart(String repo, String runId, String target) {
    this(repo, runId, target, null);
  }
}
