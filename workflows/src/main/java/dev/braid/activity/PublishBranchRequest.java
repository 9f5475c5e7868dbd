package dev.braid.activity;

/**
 * Names a commit with a branch and publishes it, so a pull request can use it as its base.
 *
 * @param repo the main checkout, absolute
 * @param remote the remote to push to when the repository has it
 * @param branch the branch to create at {@code commit}
 * @param commit the commit
 */
public record PublishBranchRequest(String repo, String remote, String branch, String commit) {}
