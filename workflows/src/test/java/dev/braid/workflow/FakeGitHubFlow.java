package dev.braid.workflow;

import dev.braid.activity.BranchUpdateRequest;
import dev.braid.activity.BranchUpdateResult;
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
import java.util.List;
import java.util.Map;
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

  @Override
  public PullRequestSnapshot openPullRequest(PullRequestSpec spec) {
    pulls.add(spec);
    int n = pulls.size();
    return new PullRequestSnapshot(
        n,
        "https://github.test/o/r/pull/" + n,
        PullRequestState.OPEN,
        spec.branch(),
        "sha",
        spec.base(),
        null,
        true);
  }

  @Override
  public PullRequestSnapshot retarget(RetargetRequest request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public BranchUpdateResult bringUpToDate(BranchUpdateRequest request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PullRequestSnapshot readPullRequest(PullRequestQuery query) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PullRequestVerdict readVerdict(PullRequestQuery query) {
    throw new UnsupportedOperationException();
  }
}
