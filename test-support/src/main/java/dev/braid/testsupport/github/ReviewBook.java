package dev.braid.testsupport.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The reviews and review comments of every pull request, submitted by tests or by scripts. */
final class ReviewBook {
  private final FeedbackJson json;
  private final Map<Integer, List<ObjectNode>> reviews = new HashMap<>();
  private final Map<Integer, List<ObjectNode>> comments = new HashMap<>();
  private final List<ReviewScript> scripts = new ArrayList<>();
  private long nextReviewId = 2_000_001;
  private long nextCommentId = 3_000_001;

  ReviewBook(FeedbackJson json) {
    this.json = json;
  }

  void script(ReviewScript script) {
    scripts.add(script);
  }

  /** Submits a review on the pull request's head, with its line comments. */
  ObjectNode submit(
      int number,
      String sha,
      String reviewer,
      ReviewState state,
      String body,
      List<ReviewComment> lineComments) {
    long id = nextReviewId++;
    ObjectNode review = json.review(id, number, reviewer, state, body, sha);
    reviews.computeIfAbsent(number, n -> new ArrayList<>()).add(review);
    for (ReviewComment c : lineComments) {
      comments
          .computeIfAbsent(number, n -> new ArrayList<>())
          .add(json.reviewComment(nextCommentId++, id, number, reviewer, c, sha));
    }
    return review;
  }

  /** Lets the scripts for this pull request's branch act on its current head. */
  void applyScripts(int number, String headRef, String headSha, boolean open) {
    for (ReviewScript s : scripts) {
      if (!open || !s.branch.equals(headRef)) {
        continue;
      }
      if (s.reviewedSha == null) {
        s.reviewedSha = headSha;
        submit(number, headSha, s.reviewer, ReviewState.CHANGES_REQUESTED, s.body, s.comments);
      } else if (!s.approved && !s.reviewedSha.equals(headSha)) {
        s.approved = true;
        submit(number, headSha, s.reviewer, ReviewState.APPROVED, "Thanks, looks good.", List.of());
      }
    }
  }

  /** The reviews in the order they were submitted, as GitHub lists them. */
  List<ObjectNode> reviews(int number) {
    return List.copyOf(reviews.getOrDefault(number, List.of()));
  }

  List<ObjectNode> comments(int number) {
    return List.copyOf(comments.getOrDefault(number, List.of()));
  }
}
