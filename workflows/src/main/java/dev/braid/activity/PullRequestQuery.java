package dev.braid.activity;

/**
 * Names one pull request to read.
 *
 * @param github the repository
 * @param number the pull request
 * @param stackedOn the branch the pull request is stacked on while that branch's own pull request
 *     is not merged, so that a verdict also says when it merged or was closed; null when it is not
 *     stacked (and in queries recorded before stacks under {@code github.watch})
 */
public record PullRequestQuery(GitHubLocation github, int number, String stackedOn) {}
