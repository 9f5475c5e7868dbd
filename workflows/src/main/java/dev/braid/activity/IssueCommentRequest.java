package dev.braid.activity;

/**
 * A comment braid posts on an issue (or a pull request's conversation) at most once.
 *
 * @param github the repository
 * @param issue the issue's or pull request's number
 * @param key what identifies this comment, such as {@code <run>/<task>/blocked/3}; the same key is
 *     never posted twice
 * @param body the comment's Markdown
 */
public record IssueCommentRequest(GitHubLocation github, int issue, String key, String body) {}
