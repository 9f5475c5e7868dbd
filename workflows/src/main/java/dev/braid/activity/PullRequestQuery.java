package dev.braid.activity;

/**
 * Names one pull request to read.
 *
 * @param github the repository
 * @param number the pull request
 */
public record PullRequestQuery(GitHubLocation github, int number) {}
