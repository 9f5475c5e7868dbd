package dev.braid.activity;

/**
 * A task's issue.
 *
 * @param number its number
 * @param url its page on GitHub
 * @param open whether it is open (a merged pull request that closes it, or a human, closes it)
 * @param created whether this call opened it; false when it was found again
 */
public record IssueResult(int number, String url, boolean open, boolean created) {}
