package dev.braid.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Publishes a finished task as a pull request (merge mode {@code pr}).
 *
 * <p>The GitHub token is read by the worker from its own environment, {@code GITHUB_TOKEN} or else
 * {@code GH_TOKEN}, when the activity runs. It is never part of a request or result, so it never
 * enters the workflow history, which the Web UI shows to anyone who can open it.
 */
@ActivityInterface
public interface PullRequestActivities {

  /**
   * Opens the task branch's pull request, or brings its existing one up to date.
   *
   * <p><b>Idempotency.</b> An open pull request for the branch is looked up first and reused, never
   * duplicated: its title, body and base are changed only where they differ from the request, and
   * only missing labels are added (labels a human added stay). A create that GitHub refuses because
   * the pull request already exists (a retry racing GitHub's search index) is answered by reusing
   * that pull request. So a repeat returns the same number with {@code created == false}.
   *
   * <p>The branch must already be on the remote: pushing is the task workflow's push activity.
   *
   * @throws io.temporal.failure.ApplicationFailure of a type in {@link PullRequestFailure}
   */
  @ActivityMethod
  PullRequestResult openOrUpdate(PullRequestRequest request);
}
