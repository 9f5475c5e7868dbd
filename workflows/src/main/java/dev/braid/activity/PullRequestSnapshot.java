package dev.braid.activity;

/**
 * A pull request as GitHub showed it when the activity ran.
 *
 * @param number its number in the repository
 * @param url its page on GitHub
 * @param state open, merged or closed
 * @param headBranch the task branch
 * @param headSha the head commit GitHub has for it
 * @param baseBranch the branch it merges into
 * @param mergeCommitSha the merge commit on the base when merged, else null
 * @param created whether this call opened it; false when it already existed
 */
public record PullRequestSnapshot(
    int number,
    String url,
    PullRequestState state,
    String headBranch,
    String headSha,
    String baseBranch,
    String mergeCommitSha,
    boolean created) {}
