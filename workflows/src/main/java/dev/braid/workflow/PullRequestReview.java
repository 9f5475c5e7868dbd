package dev.braid.workflow;

import dev.braid.activity.GitHubFlowActivities;
import dev.braid.activity.GitHubLocation;
import dev.braid.activity.PullRequestQuery;
import dev.braid.activity.PullRequestSnapshot;
import dev.braid.activity.PullRequestSpec;
import dev.braid.activity.PullRequestVerdict;
import dev.braid.activity.VerdictKind;
import dev.braid.config.GitHubSettings;
import dev.braid.config.MergeMode;
import dev.braid.config.MergeSettings;
import io.temporal.workflow.Workflow;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A task's own pull request under {@code github.watch}: the task's workflow opens it once its work
 * is pushed, then looks at it now and then, holding no process, until GitHub has news for it: a
 * merge, a close, or a failed check or a request for changes on the head it pushed last. Each look
 * that brings none doubles the wait, up to {@link GitHubSettings#MAX_POLL_SECONDS}.
 */
final class PullRequestReview {
  /** The change that let a task's workflow watch its pull request. */
  static final String CHANGE = "pr-watch";

  private final TaskRequest request;
  private final GitHubSettings settings;
  private final GitHubLocation location;
  private final GitHubFlowActivities github;
  private final TaskReporter reporter;
  private PullRequestSnapshot opened;
  private int rounds;
  private int extraRounds;
  private PullRequestVerdict last;

  private PullRequestReview(TaskRequest request, TaskReporter reporter) {
    this.request = request;
    this.settings = request.config().github();
    MergeSettings merge = request.config().merge();
    this.location =
        new GitHubLocation(request.repo(), merge.remote(), merge.repository(), merge.apiUrl());
    this.github =
        Workflow.newActivityStub(GitHubFlowActivities.class, BraidActivityOptions.pullRequest());
    this.reporter = reporter;
  }

  /** The review of a task whose run watches its pull requests, or null. */
  static PullRequestReview of(TaskRequest request, TaskReporter reporter) {
    boolean watch =
        request.config().merge().mode() == MergeMode.PR && request.config().github().watch();
    // Only a run that watches asks: tasks of every other run replay as they were.
    if (!watch || Workflow.getVersion(CHANGE, Workflow.DEFAULT_VERSION, 1) < 1) {
      return null;
    }
    return new PullRequestReview(request, reporter);
  }

  /** Opens the pull request, or finds it again: on the target, closing the task's issue. */
  private void open() {
    opened =
        github.openPullRequest(
            new PullRequestSpec(
                location,
                BraidNames.taskBranch(request.task().id()),
                request.config().merge().target(),
                null,
                null,
                request.task().labels(),
                Path.of(request.planDir()).resolve(request.task().file()).toString(),
                request.issue()));
  }

  /** Whether GitHub said the pull request is merged: the task's work is on the target. */
  boolean merged() {
    return last != null && last.kind() == VerdictKind.MERGED;
  }

  /** Why the task is skipped when its pull request was closed without merging, else null. */
  String closedReason() {
    return last != null && last.kind() == VerdictKind.CLOSED
        ? "pull request #" + opened.number() + " was closed without merging"
        : null;
  }

  /** The pull request's address, once opened. */
  String url() {
    return opened == null ? null : opened.url();
  }

  /**
   * Waits for news about the head the task pushed last: a merge or a close whatever the head, a
   * failed check or a request for changes only on that head (an older one's are already dealt with,
   * and GitHub may not have seen the push yet).
   */
  PullRequestVerdict awaitNews(String pushedHead) {
    open();
    last = null;
    // Said once a wait, not at every look: each report is a signal in the run's history too.
    reporter.report(
        TaskPhase.RUNNING,
        Blocker.waitUntil(
            BlockKind.PULL_REQUEST_REVIEW,
            "pull request #" + opened.number() + " waits for its checks, reviews and merge",
            request.logDir(),
            0));
    for (int quiet = 0; ; quiet++) {
      Workflow.sleep(Duration.ofSeconds(settings.pollAfter(quiet)));
      PullRequestVerdict verdict =
          github.readVerdict(new PullRequestQuery(location, opened.number()));
      switch (verdict.kind()) {
        case MERGED, CLOSED -> {
          last = verdict;
          return verdict;
        }
        case CHECKS_FAILED, CHANGES_REQUESTED -> {
          if (pushedHead == null || pushedHead.equals(verdict.headSha())) {
            last = verdict;
            return verdict;
          }
        }
        default -> {
          // Pending or green: nothing to do but look again later.
        }
      }
    }
  }

  /** Whether another round of the agent is allowed; counts it if so. */
  boolean takeRound() {
    if (rounds >= settings.maxRounds() + extraRounds) {
      return false;
    }
    rounds++;
    return true;
  }

  /**
   * A human's retry after the rounds ran out grants as many again, and starts one of them; the
   * feedback of the verdict that used the last one up, for that round.
   */
  String grantRounds() {
    extraRounds += settings.maxRounds();
    takeRound();
    return last == null ? null : last.feedback();
  }

  int rounds() {
    return rounds;
  }

  int number() {
    return opened.number();
  }

  /** Why the task waits for a human after its rounds ran out. */
  String roundsSpent(VerdictKind kind) {
    return "pull request #"
        + opened.number()
        + ": "
        + (kind == VerdictKind.CHECKS_FAILED ? "checks failed" : "changes requested")
        + " again after "
        + rounds
        + " round(s) (github.maxRounds)";
  }
}
