package dev.braid.activity;

import java.util.List;

/**
 * A review that requested changes on a pull request's head, with its line comments.
 *
 * @param id GitHub's id of the review, so a workflow can tell a new review from one it handled
 * @param reviewer the reviewer's login
 * @param body the review's text, cut to a bounded length
 * @param commitId the commit it was submitted on
 * @param comments its comments on lines of the diff, a bounded number
 */
public record ReviewFeedback(
    long id, String reviewer, String body, String commitId, List<ReviewNote> comments) {

  public ReviewFeedback {
    comments = comments == null ? List.of() : List.copyOf(comments);
  }
}
