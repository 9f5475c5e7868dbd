package dev.braid.workflow;

import dev.braid.config.BraidConfig;

/**
 * Starts a run.
 *
 * @param repo the main checkout, absolute
 * @param planDir the plan directory, absolute
 * @param config the run's settings; holds no secret
 * @param carry what an earlier execution of the run carried over, or null for a new run
 */
public record RunRequest(String repo, String planDir, BraidConfig config, RunCarry carry) {

  /** A new run. */
  public RunRequest(String repo, String planDir, BraidConfig config) {
    this(repo, planDir, config, null);
  }
}
