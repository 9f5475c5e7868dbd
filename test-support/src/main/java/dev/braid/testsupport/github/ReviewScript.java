package dev.braid.testsupport.github;

import java.util.List;

/**
 * "A reviewer requests changes once on the pull request of {@code branch}, then approves once its
 * head has moved": the review is submitted on the head the first time anyone reads the pull
 * request's reviews, and the approval on the first later head, as a reviewer who looks again after
 * the author pushed.
 */
final class ReviewScript {
  final String branch;
  final String reviewer;
  final String body;
  final List<ReviewComment> comments;
  String reviewedSha;
  boolean approved;

  ReviewScript(String branch, String reviewer, String body, List<ReviewComment> comments) {
    this.branch = branch;
    this.reviewer = reviewer;
    this.body = body;
    this.comments = List.copyOf(comments);
  }
}
