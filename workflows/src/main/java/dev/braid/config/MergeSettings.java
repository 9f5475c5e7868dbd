package dev.braid.config;

/**
 * Where and how finished work is merged.
 *
 * @param mode direct, pr or none
 * @param target the branch that receives the work, such as {@code main}
 * @param remote the remote to push to when the repository has it, such as {@code origin}
 */
public record MergeSettings(MergeMode mode, String target, String remote) {}
