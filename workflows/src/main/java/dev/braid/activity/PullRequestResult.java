package dev.braid.activity;

/**
 * The pull request a task ended with.
 *
 * @param number its number in the repository
 * @param url its page on GitHub, for the report and the Web UI
 * @param created whether this call opened it; false when an open one was reused
 */
public record PullRequestResult(int number, String url, boolean created) {}
