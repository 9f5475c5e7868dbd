package dev.braid.activities.github;

import dev.braid.activity.IssueCommentRequest;
import dev.braid.activity.IssueCommentResult;
import java.io.IOException;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHRepository;

/**
 * Posts a comment unless one with the same key is there; see {@link
 * dev.braid.activity.GitHubFlowActivities#commentOnce}.
 */
final class CommentOnce {
  /** GitHub refuses a longer comment with a 422. */
  static final int MAX_BODY_CHARS = 65_000;

  private final GHRepository repository;

  CommentOnce(GHRepository repository) {
    this.repository = repository;
  }

  IssueCommentResult post(IssueCommentRequest request) throws IOException {
    String marker = HiddenMarker.comment(request.key());
    GHIssue issue = repository.getIssue(request.issue());
    for (GHIssueComment comment : issue.listComments().withPageSize(100)) {
      if (HiddenMarker.in(comment.getBody(), marker)) {
        return new IssueCommentResult(comment.getId(), comment.getHtmlUrl().toString(), false);
      }
    }
    String body = HiddenMarker.appendTo(Excerpt.head(request.body(), MAX_BODY_CHARS), marker);
    GHIssueComment posted = issue.comment(body);
    return new IssueCommentResult(posted.getId(), posted.getHtmlUrl().toString(), true);
  }
}
