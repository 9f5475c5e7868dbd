package dev.braid.activity;

/**
 * A reviewer's comment on one line of the diff.
 *
 * @param path the file
 * @param line the line in the file's new version, or null when GitHub gives none (an outdated
 *     comment)
 * @param body what the reviewer wrote, cut to a bounded length
 */
public record ReviewNote(String path, Integer line, String body) {}
