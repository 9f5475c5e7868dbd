package dev.braid.workflow;

import dev.braid.activity.BranchUpdateRequest;
import dev.braid.activity.BranchUpdateResult;
import dev.braid.activity.CheckFailure;
import dev.braid.activity.GitHubFlowActivities;
import dev.braid.activity.IssueCommentRequest;
import dev.braid.activity.IssueCommentResult;
import dev.braid.activity.IssueRequest;
import dev.braid.activity.IssueResult;
import dev.braid.activity.PullRequestQuery;
import dev.braid.activity.PullRequestSnapshot;
import dev.braid.activity.PullRequestSpec;
import dev.braid.activity.PullRequestState;
import dev.braid.activity.PullRequestVerdict;
import dev.braid.activity.RetargetRequest;
import dev.braid.activity.ReviewFeedback;
import dev.braid.activity.ReviewNote;
import dev.braid.activity.VerdictKind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** GitHub's issues and pull requests as the workflow tests need them: idempotent by key. */
final class FakeGitHubFlow implements GitHubFlowActivities {
  /** Issue numbers by key, in the order they were opened. */
  final Map<String, Integer> issues = new ConcurrentHashMap<>();

  /** Comment bodies by key; a key is posted once. */
  final Map<String, String> comments = new ConcurrentHashMap<>();

  /** The comments' keys, in the order they were asked for, repeats included. */
  final List<String> commentCalls = new CopyOnWriteArrayList<>();

  final List<PullRequestSpec> pulls = new CopyOnWriteArrayList<>();

  /** Branches whose next pull request GitHub refuses, once. */
  final Set<String> refuseOpenOnce = ConcurrentHashMap.newKeySet();

  @Override
  public IssueResult openIssue(IssueRequest request) {
    boolean created = !issues.containsKey(request.key());
    int number = issues.computeIfAbsent(request.key(), k -> 100 + issues.size());
    return new IssueResult(number, "https://github.test/o/r/issues/" + number, true, created);
  }

  @Override
  public IssueCommentResult commentOnce(IssueCommentRequest request) {
    commentCalls.add(request.key());
    boolean created =
        comments.putIfAbsent(request.key(), "#" + request.issue() + " " + request.body()) == null;
    return new IssueCommentResult(commentCalls.size(), "https://github.test/c", created);
  }

  /** What each branch's pull request says at each look, in order; then it is merged. */
  final Map<String, Deque<VerdictKind>> verdicts = new ConcurrentHashMap<>();

  /** Every look at a pull request, by branch, in order. */
  final List<String> looks = new CopyOnWriteArrayList<>();

  /** Opens a pull request once per branch; asking again finds the same one, as GitHub would. */
  @Override
  public PullRequestSnapshot openPullRequest(PullRequestSpec spec) {
    if (refuseOpenOnce.remove(spec.branch())) {
      throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
          "GitHub refused the pull request: Validation Failed", "PullRequestRejected");
    }
    PullRequestSpec known =
        pulls.stream().filter(p -> p.branch().equals(spec.branch())).findFirst().orElse(null);
    if (known == null) {
      pulls.add(spec);
    }
    int n = pulls.indexOf(known == null ? spec : known) + 1;
    return new PullRequestSnapshot(
        n,
        "https://github.test/o/r/pull/" + n,
        PullRequestState.OPEN,
        spec.branch(),
        "sha",
        spec.base(),
        null,
        known == null);
  }

  /** The branches whose pull request GitHub reported merged, or closed, at a look. */
  final Set<String> merged = ConcurrentHashMap.newKeySet();

  final Set<String> closed = ConcurrentHashMap.newKeySet();

  /** Every move of a pull request onto a new base, as "#N onto base". */
  final List<String> retargets = new CopyOnWriteArrayList<>();

  /** Every update of a branch, as "branch with base on worktree". */
  final List<String> updates = new CopyOnWriteArrayList<>();

  /** Branches whose next update conflicts in {@code a.txt}, once each. */
  final Set<String> conflictOnce = ConcurrentHashMap.newKeySet();

  @Override
  public PullRequestSnapshot retarget(RetargetRequest request) {
    retargets.add("#" + request.number() + " onto " + request.base());
    PullRequestSpec spec = pulls.get(request.number() - 1);
    return new PullRequestSnapshot(
        request.number(),
        "https://github.test/o/r/pull/" + request.number(),
        PullRequestState.OPEN,
        spec.branch(),
        "sha",
        request.base(),
        null,
        false);
  }

  @Override
  public BranchUpdateResult bringUpToDate(BranchUpdateRequest request) {
    updates.add(request.branch() + " with " + request.base() + " on " + request.worktree());
    if (conflictOnce.remove(request.branch())) {
      return new BranchUpdateResult("commit-before", false, false, List.of("a.txt"));
    }
    return new BranchUpdateResult("merge-" + request.base(), true, true, List.of());
  }

  @Override
  public PullRequestSnapshot readPullRequest(PullRequestQuery query) {
    throw new UnsupportedOperationException();
  }

  /**
   * The next scripted verdict of the pull request's branch, on the head the task's agent made
   * ({@code Fakes} commits {@code commit-<task>}); merged once the script is spent.
   */
  @Override
  public PullRequestVerdict readVerdict(PullRequestQuery query) {
    String branch = pulls.get(query.number() - 1).branch();
    looks.add(branch);
    Deque<VerdictKind> script = verdicts.getOrDefault(branch, new ArrayDeque<>());
    String base = query.stackedOn();
    VerdictKind kind;
    if (base != null && merged.contains(base)) {
      kind = VerdictKind.BASE_MERGED;
    } else if (base != null && closed.contains(base)) {
      kind = VerdictKind.BASE_CLOSED;
    } else if (script.isEmpty()) {
      // A human merges a stacked pull request only once it is on the target.
      kind = base != null ? VerdictKind.GREEN : VerdictKind.MERGED;
    } else {
      kind = script.poll();
    }
    if (kind == VerdictKind.MERGED) {
      merged.add(branch);
    } else if (kind == VerdictKind.CLOSED) {
      closed.add(branch);
    }
    String head = "commit-" + branch.substring(branch.indexOf('/') + 1);
    List<CheckFailure> failed =
        kind == VerdictKind.CHECKS_FAILED
            ? List.of(new CheckFailure("ci", "failure", "tests", null, "FAILED test_x", null))
            : List.of();
    List<ReviewFeedback> reviews =
        kind == VerdictKind.CHANGES_REQUESTED
            ? List.of(
                new ReviewFeedback(
                    1, "octo", "Please rename it.", head, List.of(new ReviewNote("a.txt", 1, "x"))))
            : List.of();
    return new PullRequestVerdict(
        kind, query.number(), head, failed, List.of(), List.of(), reviews);
  }
}
