package dev.braid.activity;

/**
 * A successful attempt: the agent exited 0 and the checks passed.
 *
 * @param attempt the attempt's number, counted over all tiers (1-based)
 * @param headCommit the task branch's head after committing the agent's leftovers
 * @param usage what the agents reported they consumed over every attempt of the task so far, on
 *     every tier; unknown when any attempt did not report
 * @param logFile the attempt's log, absolute
 */
public record AttemptResult(int attempt, String headCommit, Usage usage, String logFile) {}
