package dev.braid.workflow;

import dev.braid.activity.BranchUpdateRequest;
import dev.braid.activity.BranchUpdateResult;
import dev.braid.activity.GitHubFlowActivities;
import dev.braid.activity.GitHubLocation;
import dev.braid.activity.PullRequestQuery;
import dev.braid.activity.PullRequestSnapshot;
import dev.braid.activity.PullRequestSpec;
import dev.braid.activity.PullRequestVerdict;
import dev.braid.activity.RetargetRequest;
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

  /** The change that let a webhook's word cut a wait short ({@link GitHubNews}). */
  static final String WEBHOOK_CHANGE = "pr-webhook";

  private final TaskRequest request;
  private final GitHubSettings settings;
  private final GitHubLocation location;
  private final GitHubFlowActivities github;
  private final TaskReporter reporter;
  private final GitHubNews news;
  private final boolean hearsWebhooks;
  private int newsSeen;
  private String stackedOn;
  private PullRequestSnapshot opened;
  private int rounds;
  private int extraRounds;
  private PullRequestVerdict last;

  private PullRequestReview(TaskRequest request, TaskReporter reporter, GitHubNews news) {
    this.request = request;
    this.settings = request.config().github();
    MergeSettings merge = request.config().merge();
    this.location =
        new GitHubLocation(request.repo(), merge.remote(), merge.repository(), merge.apiUrl());
    this.github =
        Workflow.newActivityStub(GitHubFlowActivities.class, BraidActivityOptions.pullRequest());
    this.reporter = reporter;
    this.news = news;
    this.hearsWebhooks =
        Workflow.getVersion(WEBHOOK_CHANGE, Workflow.DEFAULT_VERSION, 1) > Workflow.DEFAULT_VERSION;
    String start = request.startBranch();
    // The run starts a task on its dependency's branch only while that one's pull request waits.
    this.stackedOn = start == null || start.equals(merge.target()) ? null : start;
  }

  /** The review of a task whose run watches its pull requests, or null. */
  static PullRequestReview of(TaskRequest request, TaskReporter reporter, GitHubNews news) {
    boolean watch =
        request.config().merge().mode() == MergeMode.PR && request.config().github().watch();
    // Only a run that watches asks: tasks of every other run replay as they were.
    if (!watch || Workflow.getVersion(CHANGE, Workflow.DEFAULT_VERSION, 1) < 1) {
      return null;
    }
    return new PullRequestReview(request, reporter, news);
  }

  /**
   * Opens the pull request, or finds it again: stacked on its dependency's branch while that one's
   * pull request is not merged, else on the target; closing the task's issue.
   */
  private void open() {
    opened =
        github.openPullRequest(
            new PullRequestSpec(
                location,
                BraidNames.taskBranch(request.task().id()),
                stackedOn != null ? stackedOn : request.config().merge().target(),
                null,
                null,
                request.task().labels(),
                Path.of(request.planDir()).resolve(request.task().file()).toString(),
                request.issue(),
                request.taskText()));
  }

  /** Whether GitHub said the pull request is merged: the task's work is on the target. */
  boolean merged() {
    return last != null && last.kind() == VerdictKind.MERGED;
  }

  /** Why the task is skipped when its pull request was closed without merging, else null. */
  String closedReason() {
    if (last != null && last.kind() == VerdictKind.BASE_CLOSED) {
      return "the pull request of "
          + stackedOn
          + ", which #"
          + opened.number()
          + " is stacked on,"
          + " was closed without merging";
    }
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
            "pull request #"
                + opened.number()
                + (stackedOn == null ? "" : " (stacked on " + stackedOn + ")")
                + " waits for its checks, reviews and merge",
            request.logDir(),
            0));
    for (int quiet = 0; ; quiet++) {
      Duration wait = Duration.ofSeconds(settings.pollAfter(quiet));
      if (hearsWebhooks) {
        // News heard since the last look, even while a round or a merge ran, ends the wait at once.
        Workflow.await(wait, () -> news.count() != newsSeen);
        newsSeen = news.count();
      } else {
        Workflow.sleep(wait);
      }
      PullRequestVerdict verdict =
          github.readVerdict(new PullRequestQuery(location, opened.number(), stackedOn));
      switch (verdict.kind()) {
        case MERGED, CLOSED, BASE_MERGED, BASE_CLOSED -> {
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

  /**
   * The pull request it was stacked on merged: moves it onto the target and merges the target into
   * its branch, in the task's worktree, and pushes that without force. Until that went through,
   * each look at the pull request says so again, so a conflict a human or the resolver settles is
   * followed by another try, which then finds the target in.
   *
   * @param worktreeHost the GitHub activities on the host of the task's worktree
   */
  BranchUpdateResult moveOntoTarget(GitHubFlowActivities worktreeHost, String worktree) {
    String target = request.config().merge().target();
    github.retarget(new RetargetRequest(location, opened.number(), target));
    BranchUpdateResult update =
        worktreeHost.bringUpToDate(
            new BranchUpdateRequest(
                worktree,
                request.config().merge().remote(),
                BraidNames.taskBranch(request.task().id()),
                target));
    if (!update.conflicted()) {
      stackedOn = null;
    }
    return update;
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

  /** Whether it is still stacked on its dependency's branch. */
  boolean stacked() {
    return stackedOn != null;
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
