package dev.braid.activities.github;

import dev.braid.activities.files.LocalCheckout;
import dev.braid.activities.git.GitCli;
import dev.braid.activities.process.Heartbeat;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.BranchUpdateRequest;
import dev.braid.activity.BranchUpdateResult;
import dev.braid.activity.GitHubFlowActivities;
import dev.braid.activity.IssueCommentRequest;
import dev.braid.activity.IssueCommentResult;
import dev.braid.activity.IssueRequest;
import dev.braid.activity.IssueResult;
import dev.braid.activity.PullRequestQuery;
import dev.braid.activity.PullRequestRequest;
import dev.braid.activity.PullRequestSnapshot;
import dev.braid.activity.PullRequestSpec;
import dev.braid.activity.PullRequestVerdict;
import dev.braid.activity.RetargetRequest;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;

/**
 * The GitHub flow through GitHub's REST API, with the github-api client; every method's idempotency
 * is described on {@link GitHubFlowActivities}.
 *
 * <p>The token comes from the worker's environment ({@code GITHUB_TOKEN}, else {@code GH_TOKEN})
 * when an activity runs, exactly as for {@link PullRequestActivitiesImpl}, so it never enters a
 * payload, the history or a log; the API's base URL is chosen by {@link GitHubApiUrl}.
 */
public final class GitHubFlowActivitiesImpl implements GitHubFlowActivities {

  /** A GitHub that cannot be reached in this long will not be reached by waiting longer. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

  private final UnaryOperator<String> env;
  private final HttpClient http;
  private final ProcessRunner runner;
  private final Supplier<Heartbeat> heartbeats;
  private final LocalCheckout checkout;

  /**
   * The production activities, reading the worker's environment.
   *
   * @param runner runs git with the worker's child environment, so a push authenticates exactly as
   *     the task's own push does
   */
  public GitHubFlowActivitiesImpl(ProcessRunner runner) {
    this(runner, LocalCheckout.UNKNOWN);
  }

  /** The production activities, reading remotes and task files in {@code checkout}. */
  public GitHubFlowActivitiesImpl(ProcessRunner runner, LocalCheckout checkout) {
    this(System::getenv, runner, GitHubFlowActivitiesImpl::activityHeartbeat, checkout);
  }

  /**
   * Activities for tests outside Temporal: git runs with a plain runner and no heartbeat.
   *
   * @param env reads an environment variable; tests pass a map's {@code get}
   */
  public GitHubFlowActivitiesImpl(UnaryOperator<String> env) {
    this(env, new ProcessRunner(), () -> Heartbeat.NONE);
  }

  /**
   * @param env reads an environment variable
   * @param runner runs git
   * @param heartbeats a heartbeat for the running activity, obtained on its thread, so a long fetch
   *     or push can be cancelled
   */
  public GitHubFlowActivitiesImpl(
      UnaryOperator<String> env, ProcessRunner runner, Supplier<Heartbeat> heartbeats) {
    this(env, runner, heartbeats, LocalCheckout.UNKNOWN);
  }

  /**
   * @param checkout this worker's checkout, whose remote and task files are read for a run started
   *     from a checkout elsewhere
   */
  public GitHubFlowActivitiesImpl(
      UnaryOperator<String> env,
      ProcessRunner runner,
      Supplier<Heartbeat> heartbeats,
      LocalCheckout checkout) {
    this.env = env;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    this.runner = runner;
    this.heartbeats = heartbeats;
    this.checkout = checkout;
  }

  private static Heartbeat activityHeartbeat() {
    ActivityExecutionContext context = Activity.getExecutionContext();
    return context::heartbeat;
  }

  @Override
  public PullRequestSnapshot openPullRequest(PullRequestSpec given) {
    PullRequestSpec spec = checkout.local(given);
    GitHubSession session = GitHubSession.open(spec.github(), env, http);
    return session.run(
        "opening the pull request for " + spec.branch() + " into " + spec.base(),
        repository -> new PullRequestOpener(repository).open(spec));
  }

  @Override
  public PullRequestSnapshot retarget(RetargetRequest request) {
    GitHubSession session = GitHubSession.open(checkout.local(request.github()), env, http);
    return session.run(
        "moving pull request #" + request.number() + " onto " + request.base(),
        repository -> {
          GHPullRequest pr = repository.getPullRequest(request.number());
          if (pr.getState() != GHIssueState.OPEN || pr.getBase().getRef().equals(request.base())) {
            return PullRequestSnapshots.of(pr, false);
          }
          pr.setBaseBranch(request.base());
          return PullRequestSnapshots.of(repository.getPullRequest(request.number()), false);
        });
  }

  @Override
  public BranchUpdateResult bringUpToDate(BranchUpdateRequest request) {
    GitCli git = new GitCli(Path.of(request.worktree()), runner, heartbeats.get());
    return new PullRequestBranchUpdate(git).update(request);
  }

  @Override
  public PullRequestSnapshot readPullRequest(PullRequestQuery query) {
    GitHubSession session = GitHubSession.open(checkout.local(query.github()), env, http);
    return session.run(
        "reading pull request #" + query.number(),
        repository -> PullRequestSnapshots.of(repository.getPullRequest(query.number()), false));
  }

  @Override
  public PullRequestVerdict readVerdict(PullRequestQuery query) {
    GitHubSession session = GitHubSession.open(checkout.local(query.github()), env, http);
    return session.run(
        "reading the checks and reviews of pull request #" + query.number(),
        repository -> new VerdictReader(repository).read(query.number(), query.stackedOn()));
  }

  @Override
  public IssueResult openIssue(IssueRequest given) {
    IssueRequest request = checkout.local(given);
    PullRequestRequest text =
        TaskFileText.fill(
            new PullRequestRequest(
                request.github().repo(),
                request.github().remote(),
                request.key(),
                null,
                request.title(),
                request.body(),
                request.labels(),
                request.github().repository(),
                request.github().apiUrl(),
                request.taskFile(),
                request.taskText()));
    GitHubSession session = GitHubSession.open(request.github(), env, http);
    return session.run(
        "opening the issue for " + request.key(),
        repository ->
            new IssueKeeper(repository)
                .open(
                    request,
                    text.title() == null ? request.key() : text.title(),
                    text.body() == null ? "" : text.body()));
  }

  @Override
  public IssueCommentResult commentOnce(IssueCommentRequest request) {
    GitHubSession session = GitHubSession.open(checkout.local(request.github()), env, http);
    return session.run(
        "commenting on #" + request.issue(),
        repository -> new CommentOnce(repository).post(request));
  }
}
