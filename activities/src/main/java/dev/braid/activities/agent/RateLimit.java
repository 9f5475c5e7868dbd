package dev.braid.activities.agent;

/**
 * A rate or usage limit an agent's provider answered with.
 *
 * @param message the agent's own words about it, for the log and the failure message
 * @param resetAtMillis when the limit lifts, in epoch milliseconds, or null when the agent did not
 *     say
 */
record RateLimit(String message, Long resetAtMillis) {}
