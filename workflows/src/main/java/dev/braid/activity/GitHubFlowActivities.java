package dev.braid.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The GitHub side of merge mode {@code pr}: pull requests that reach the target (stacked on a
 * dependency's pull request until it merges), an issue per task, and reading what CI and reviewers
 * say so the task's workflow can react.
 *
 * <p>The GitHub token is read by the worker from its own environment, {@code GITHUB_TOKEN} or else
 * {@code GH_TOKEN}, when an activity runs; no request or result carries it, so it never enters the
 * workflow history. Failures are typed as in {@link PullRequestFailure}: a refused token or request
 * is not retryable, an outage or a rate limit is.
 *
 * <p>Every method may run twice for one decision of the workflow (a retry after a worker died
 * mid-call, a rerun of the plan). Each says below why a repeat changes nothing.
 */
@ActivityInterface
public interface GitHubFlowActivities {

  /**
   * Opens the task branch's pull request on the given base, or brings its existing one up to date.
   *
   * <p><b>Idempotency.</b> Every pull request of the branch, open or not, is looked up by its head
   * first. An open one is reused: its title, body and base are changed only where they differ, and
   * only missing labels are added. A merged or closed one is returned as it is, never opened again
   * (the workflow decides what a closed one means). A create GitHub refuses because the pull
   * request already exists (a retry racing GitHub's index) is answered by reusing it. So a repeat
   * returns the same number with {@code created == false}.
   */
  @ActivityMethod(name = "GitHubOpenPullRequest")
  PullRequestSnapshot openPullRequest(PullRequestSpec spec);

  /**
   * Moves an open pull request onto a new base, as when the pull request it was stacked on merged.
   *
   * <p><b>Idempotency.</b> The base is changed only when it differs, so a repeat sends nothing. A
   * merged or closed pull request is returned unchanged: GitHub refuses a new base for it, and
   * there is nothing left to move.
   */
  @ActivityMethod(name = "GitHubRetarget")
  PullRequestSnapshot retarget(RetargetRequest request);

  /**
   * Brings the pull request's branch up to its base as the remote has it: fetches both, takes in
   * commits a human pushed to the branch, merges the base in with a merge commit, and pushes. It
   * never force-pushes, so nobody's commits are lost. A conflict is left in the worktree for a
   * resolver, and nothing is pushed.
   *
   * <p><b>Idempotency.</b> A base already contained makes no commit; a merge left in progress by an
   * earlier try is reported with its conflicts rather than started again; pushing a branch the
   * remote already has changes nothing. A push the remote refuses because the branch moved
   * meanwhile fails retryably, and the retry fetches and merges again.
   */
  @ActivityMethod(name = "GitHubBringUpToDate")
  BranchUpdateResult bringUpToDate(BranchUpdateRequest request);

  /**
   * Reads a pull request: open, merged or closed, its head and base.
   *
   * <p><b>Idempotency.</b> Only reads.
   */
  @ActivityMethod(name = "GitHubReadPullRequest")
  PullRequestSnapshot readPullRequest(PullRequestQuery query);

  /**
   * Reads what the pull request's head commit says, in one value: merged or closed; else, for one
   * stacked on another task's branch, whether that branch's pull request merged or was closed; else
   * a review requesting changes on the head; else checks still running; else a failed check; else
   * green. Failed checks come with their log's end and reviews with their line comments, each
   * bounded, for the agent's next round.
   *
   * <p>A review requesting changes counts only while it is its reviewer's latest verdict and was
   * submitted on the current head: once the agent pushes, the head moves and the old request is
   * answered, as far as braid is concerned; the reviewer's next review decides again.
   *
   * <p><b>Idempotency.</b> Only reads.
   */
  @ActivityMethod(name = "GitHubReadVerdict")
  PullRequestVerdict readVerdict(PullRequestQuery query);

  /**
   * Opens the task's issue, or finds it again.
   *
   * <p><b>Idempotency.</b> The issue carries braid's label and, in its body, a hidden HTML comment
   * with the request's key. Issues with that label, open or closed, are listed first (every page),
   * and the one with the key is reused: its title and body are changed only where they differ, and
   * missing labels are added. So a retry after a create whose answer was lost, and a rerun of the
   * plan, find the same issue. Removing braid's label from an issue by hand breaks the link.
   */
  @ActivityMethod(name = "GitHubOpenIssue")
  IssueResult openIssue(IssueRequest request);

  /**
   * Posts a comment on an issue or a pull request's conversation, once.
   *
   * <p><b>Idempotency.</b> The comment carries a hidden HTML comment with the request's key, and
   * the issue's comments (every page) are read first: when one carries the key, it is returned and
   * nothing is posted.
   */
  @ActivityMethod(name = "GitHubCommentOnce")
  IssueCommentResult commentOnce(IssueCommentRequest request);
}
