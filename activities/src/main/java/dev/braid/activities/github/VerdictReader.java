package dev.braid.activities.github;

import dev.braid.activity.CheckFailure;
import dev.braid.activity.PullRequestState;
import dev.braid.activity.PullRequestVerdict;
import dev.braid.activity.ReviewFeedback;
import dev.braid.activity.ReviewNote;
import dev.braid.activity.VerdictKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestReview;
import org.kohsuke.github.GHPullRequestReviewComment;
import org.kohsuke.github.GHPullRequestReviewState;
import org.kohsuke.github.GHRepository;

/**
 * Reads a pull request's head commit's checks and reviews into one {@link PullRequestVerdict}; see
 * {@link dev.braid.activity.GitHubFlowActivities#readVerdict} for the order of the rules.
 */
final class VerdictReader {
  /** Enough of a log's end to show the failing test and its assertion. */
  static final int LOG_CHARS = 4_000;

  static final int TEXT_CHARS = 2_000;
  static final int MAX_FAILED_CHECKS = 10;
  static final int MAX_COMMENTS = 30;

  /** Conclusions that mean the check did not pass; neutral and skipped ones do not block. */
  private static final Set<GHCheckRun.Conclusion> FAILED =
      Set.of(
          GHCheckRun.Conclusion.FAILURE,
          GHCheckRun.Conclusion.TIMED_OUT,
          GHCheckRun.Conclusion.CANCELLED,
          GHCheckRun.Conclusion.ACTION_REQUIRED,
          GHCheckRun.Conclusion.STALE);

  private final GHRepository repository;

  VerdictReader(GHRepository repository) {
    this.repository = repository;
  }

  PullRequestVerdict read(int number, String stackedOn) throws IOException {
    GHPullRequest pr = repository.getPullRequest(number);
    String head = pr.getHead().getSha();
    PullRequestState state = PullRequestSnapshots.state(pr);
    if (state != PullRequestState.OPEN) {
      VerdictKind kind = state == PullRequestState.MERGED ? VerdictKind.MERGED : VerdictKind.CLOSED;
      return new PullRequestVerdict(kind, number, head, List.of(), List.of(), List.of(), List.of());
    }
    PullRequestState base = stackedOn == null ? PullRequestState.OPEN : baseState(stackedOn);
    if (base != PullRequestState.OPEN) {
      VerdictKind kind =
          base == PullRequestState.MERGED ? VerdictKind.BASE_MERGED : VerdictKind.BASE_CLOSED;
      return new PullRequestVerdict(kind, number, head, List.of(), List.of(), List.of(), List.of());
    }
    List<ReviewFeedback> changes = changesRequested(pr, head);
    List<String> pending = new ArrayList<>();
    List<String> passed = new ArrayList<>();
    List<CheckFailure> failed = new ArrayList<>();
    for (GHCheckRun run : latestRuns(head)) {
      if (run.getStatus() != GHCheckRun.Status.COMPLETED) {
        pending.add(run.getName());
      } else if (!FAILED.contains(run.getConclusion())) {
        passed.add(run.getName());
      } else if (failed.size() < MAX_FAILED_CHECKS) {
        failed.add(failure(run));
      }
    }
    VerdictKind kind =
        !changes.isEmpty()
            ? VerdictKind.CHANGES_REQUESTED
            : !pending.isEmpty()
                ? VerdictKind.PENDING
                : !failed.isEmpty() ? VerdictKind.CHECKS_FAILED : VerdictKind.GREEN;
    return new PullRequestVerdict(kind, number, head, failed, pending, passed, changes);
  }

  /**
   * What became of the pull requests whose head is the branch a pull request is stacked on: merged
   * if one of them merged, closed if there are some and every one was closed without merging, else
   * open (also when there is none yet: nothing is decided).
   */
  private PullRequestState baseState(String branch) throws IOException {
    List<PullRequestState> states = new ArrayList<>();
    for (GHPullRequest pr :
        repository
            .queryPullRequests()
            .head(repository.getOwnerName() + ":" + branch)
            .state(GHIssueState.ALL)
            .list()
            .toList()) {
      if (branch.equals(pr.getHead().getRef())) {
        states.add(PullRequestSnapshots.state(pr));
      }
    }
    if (states.contains(PullRequestState.MERGED)) {
      return PullRequestState.MERGED;
    }
    return !states.isEmpty() && states.stream().allMatch(s -> s == PullRequestState.CLOSED)
        ? PullRequestState.CLOSED
        : PullRequestState.OPEN;
  }

  /** The newest run of each check on the commit: a re-run replaces the run it repeats. */
  private List<GHCheckRun> latestRuns(String sha) throws IOException {
    Map<String, GHCheckRun> byName = new LinkedHashMap<>();
    for (GHCheckRun run : repository.getCheckRuns(sha).toList()) {
      GHCheckRun seen = byName.get(run.getName());
      if (seen == null || seen.getId() < run.getId()) {
        byName.put(run.getName(), run);
      }
    }
    return List.copyOf(byName.values());
  }

  private static CheckFailure failure(GHCheckRun run) {
    GHCheckRun.Output output = run.getOutput();
    return new CheckFailure(
        run.getName(),
        run.getConclusion().name().toLowerCase(java.util.Locale.ROOT),
        output == null ? "" : Excerpt.head(output.getTitle(), TEXT_CHARS),
        output == null ? "" : Excerpt.head(output.getSummary(), TEXT_CHARS),
        output == null ? "" : Excerpt.tail(output.getText(), LOG_CHARS),
        run.getHtmlUrl() == null ? null : run.getHtmlUrl().toString());
  }

  /**
   * The reviews whose reviewer's latest verdict (approval, request for changes or dismissal; a
   * plain comment is no verdict) requests changes on the head commit.
   */
  private List<ReviewFeedback> changesRequested(GHPullRequest pr, String head) throws IOException {
    Map<String, GHPullRequestReview> latest = new LinkedHashMap<>();
    for (GHPullRequestReview review : pr.listReviews().toList()) {
      GHPullRequestReviewState state = review.getState();
      if (state == GHPullRequestReviewState.APPROVED
          || state == GHPullRequestReviewState.CHANGES_REQUESTED
          || state == GHPullRequestReviewState.DISMISSED) {
        latest.put(review.getUser().getLogin(), review);
      }
    }
    List<GHPullRequestReview> requesting =
        latest.values().stream()
            .filter(r -> r.getState() == GHPullRequestReviewState.CHANGES_REQUESTED)
            .filter(r -> head.equals(r.getCommitId()))
            .toList();
    if (requesting.isEmpty()) {
      return List.of();
    }
    List<GHPullRequestReviewComment> comments = pr.listReviewComments().toList();
    List<ReviewFeedback> feedback = new ArrayList<>();
    for (GHPullRequestReview review : requesting) {
      List<ReviewNote> notes =
          comments.stream()
              .filter(c -> Long.valueOf(review.getId()).equals(c.getPullRequestReviewId()))
              .limit(MAX_COMMENTS)
              .map(
                  c ->
                      new ReviewNote(
                          c.getPath(),
                          c.getLine() > 0 ? c.getLine() : null,
                          Excerpt.head(c.getBody(), TEXT_CHARS)))
              .toList();
      feedback.add(
          new ReviewFeedback(
              review.getId(),
              review.getUser().getLogin(),
              Excerpt.head(review.getBody(), TEXT_CHARS),
              review.getCommitId(),
              notes));
    }
    return feedback;
  }
}
