package dev.braid.testsupport.github;

/**
 * A reviewer's comment on one line of a pull request's diff, as a test scripts it.
 *
 * @param path the file, relative to the repository's root
 * @param line the line in the file's new version
 * @param body what the reviewer wrote
 */
public record ReviewComment(String path, int line, String body) {}
