package dev.braid.activity;

/**
 * What a task's attempts on one tier used, summed over them.
 *
 * @param tier the tier's name
 * @param attempts how many attempts ran on it
 * @param usage their usage summed; a field is null unless every one of them reported it
 */
public record TierUsage(String tier, int attempts, Usage usage) {}
