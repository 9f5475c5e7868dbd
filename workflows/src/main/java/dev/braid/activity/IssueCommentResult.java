package dev.braid.activity;

/**
 * A comment braid posted.
 *
 * @param id GitHub's id of the comment
 * @param url its page
 * @param created whether this call posted it; false when it was there already
 */
public record IssueCommentResult(long id, String url, boolean created) {}
