package dev.braid.workflow;

import dev.braid.config.BraidConfig;

/**
 * Starts a run.
 *
 * @param repo the main checkout, absolute
 * @param planDir the plan directory, absolute
 * @param config the run's settings; holds no secret
 */
public record RunRequest(String repo, String planDir, BraidConfig config) {}
