package dev.braid.workflow;

import dev.braid.config.BraidConfig;

/**
 * Starts a run.
 *
 * @param repo the main checkout of the host that started the run, absolute
 * @param planDir the plan directory in that checkout, absolute
 * @param config the run's settings; holds no secret
 * @param carry what an earlier execution of the run carried over, or null for a new run
 * @param snapshot the plan as the CLI read it, or null in runs started before the plan travelled in
 *     the input, which read it from {@code planDir}
 * @param startHost the host that started the run, whose checkout holds the task files whose status
 *     braid mirrors; null in runs started before, which wrote it on the task's own host
 */
public record RunRequest(
    String repo,
    String planDir,
    BraidConfig config,
    RunCarry carry,
    PlanSnapshot snapshot,
    String startHost) {

  /** A new run whose plan is read from disk by the workflow. */
  public RunRequest(String repo, String planDir, BraidConfig config) {
    this(repo, planDir, config, null, null, null);
  }

  /** A run without a snapshot or a starting host, as runs were before they had them. */
  public RunRequest(String repo, String planDir, BraidConfig config, RunCarry carry) {
    this(repo, planDir, config, carry, null, null);
  }

  /** The same run, carrying this over to its next execution. */
  RunRequest carrying(RunCarry next) {
    return new RunRequest(repo, planDir, config, next, snapshot, startHost);
  }
}
