package dev.braid.activities.agent;

/**
 * The heartbeat details of a running attempt, shown in the Web UI's pending activities so that a
 * human can see what a long attempt is doing.
 *
 * @param attempt the attempt's number, counted over all tiers
 * @param phase {@code agent}, or {@code check i/n}
 * @param elapsedMillis how long the phase has run
 */
public record AttemptProgress(int attempt, String phase, long elapsedMillis) {}
