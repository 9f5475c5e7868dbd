package dev.braid.activity;

/**
 * Moves a pull request onto another base, as when the pull request it was stacked on merged.
 *
 * @param github the repository
 * @param number the pull request
 * @param base the new base, such as the run's target branch
 */
public record RetargetRequest(GitHubLocation github, int number, String base) {}
