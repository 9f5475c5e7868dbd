package dev.braid.activities.github;

import dev.braid.activity.PullRequestSnapshot;
import dev.braid.activity.PullRequestState;
import java.io.IOException;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;

/** Reads a pull request into braid's value of it. */
final class PullRequestSnapshots {
  private PullRequestSnapshots() {}

  /**
   * @param pr a pull request read with "Get a pull request", whose merge fields are complete
   * @param created whether this call opened it
   */
  static PullRequestSnapshot of(GHPullRequest pr, boolean created) throws IOException {
    return new PullRequestSnapshot(
        pr.getNumber(),
        pr.getHtmlUrl().toString(),
        state(pr),
        pr.getHead().getRef(),
        pr.getHead().getSha(),
        pr.getBase().getRef(),
        pr.getMergedAt() != null ? pr.getMergeCommitSha() : null,
        created);
  }

  /** Merged is told by {@code merged_at}, which list answers carry too, unlike {@code merged}. */
  static PullRequestState state(GHPullRequest pr) throws IOException {
    if (pr.getMergedAt() != null) {
      return PullRequestState.MERGED;
    }
    return pr.getState() == GHIssueState.OPEN ? PullRequestState.OPEN : PullRequestState.CLOSED;
  }
}
