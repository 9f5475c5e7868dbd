package dev.braid.activities.files;

import dev.braid.activity.AttemptRequest;
import dev.braid.activity.CleanupRequest;
import dev.braid.activity.GitHubLocation;
import dev.braid.activity.IntegrationStart;
import dev.braid.activity.IssueRequest;
import dev.braid.activity.ManualWorkRequest;
import dev.braid.activity.MergeRequest;
import dev.braid.activity.NotifyRequest;
import dev.braid.activity.PrepareRequest;
import dev.braid.activity.PublishBranchRequest;
import dev.braid.activity.PullRequestRequest;
import dev.braid.activity.PullRequestSpec;
import dev.braid.activity.UnmergedRequest;
import dev.braid.workflow.BraidNames;
import io.temporal.activity.Activity;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The checkout this worker serves, and how a run's paths read on it. A run carries the absolute
 * paths of the checkout that started it (its {@code repo}, and the task files and logs under it); a
 * worker whose clone of the same repository lives elsewhere must use its own clone instead, or it
 * works in folders that do not exist on its host, or worse, in someone else's.
 *
 * <p>A path is mapped only when the activity came from a repository's queue ({@link
 * BraidNames#repositoryQueue}, or a host queue of it): a worker polls only its own repository's
 * queue, so the run is of the repository this checkout holds. On the legacy shared queue a run may
 * be of any repository, so its paths are taken as they are, as they always were. A path outside the
 * starting checkout (a worktree this host prepared, a plan folder elsewhere) is left alone too.
 */
public final class LocalCheckout {
  /** A worker that does not know its checkout: every path is taken as it is. */
  public static final LocalCheckout UNKNOWN = new LocalCheckout(null, () -> "");

  private static final String REPOSITORY_QUEUE_PREFIX = BraidNames.repositoryQueue("");

  private final Path root;
  private final Supplier<String> taskQueue;

  /**
   * @param root the checkout this worker serves, or null when it is unknown
   * @param taskQueue the task queue of the running activity, read on its thread
   */
  public LocalCheckout(Path root, Supplier<String> taskQueue) {
    this.root = root == null ? null : root.toAbsolutePath().normalize();
    this.taskQueue = taskQueue;
  }

  /** The checkout at {@code root}, for activities run by a Temporal worker. */
  public static LocalCheckout at(Path root) {
    return new LocalCheckout(root, LocalCheckout::activityTaskQueue);
  }

  /**
   * {@code path} on this checkout: the same path relative to it as {@code path} is relative to
   * {@code startingRoot}, when the activity came from a repository's queue and the path is under
   * {@code startingRoot}; else {@code path} unchanged. Null stays null.
   */
  public String path(String startingRoot, String path) {
    if (root == null || startingRoot == null || path == null) {
      return path;
    }
    Path start = Path.of(startingRoot).normalize();
    Path given = Path.of(path).normalize();
    // A path already in this checkout stays, even when this checkout lies inside the other.
    if (!start.isAbsolute()
        || start.equals(root)
        || !given.startsWith(start)
        || given.startsWith(root)
        || !taskQueue.get().startsWith(REPOSITORY_QUEUE_PREFIX)) {
      return path;
    }
    return root.resolve(start.relativize(given)).toString();
  }

  /** The request with its checkout on this host. */
  public PrepareRequest local(PrepareRequest r) {
    return new PrepareRequest(
        path(r.repo(), r.repo()), r.taskId(), r.baseBranch(), r.setup(), r.copyFiles(), r.remote());
  }

  /**
   * The request with its checkout, and so its logs, and its task file on this host; the worktree is
   * this host's already, since the attempt runs where it was prepared.
   */
  public AttemptRequest local(AttemptRequest r) {
    return new AttemptRequest(
        r.runId(),
        r.taskId(),
        path(r.repo(), r.repo()),
        r.worktree(),
        path(r.repo(), r.taskFile()),
        r.tier(),
        r.attemptsBefore(),
        r.checks(),
        r.guidance(),
        r.baseCommit(),
        r.resetOnRetry(),
        r.budgetUsd(),
        r.logRun(),
        r.resumeSession(),
        r.taskText());
  }

  /** The request with its checkout, and so its logs, on this host. */
  public ManualWorkRequest local(ManualWorkRequest r) {
    return new ManualWorkRequest(
        r.runId(), r.taskId(), path(r.repo(), r.repo()), r.worktree(), r.checks(), r.logRun());
  }

  /** The request with its checkout, and so its integration worktree and logs, on this host. */
  public MergeRequest local(MergeRequest r) {
    return new MergeRequest(
        r.runId(),
        path(r.repo(), r.repo()),
        r.target(),
        r.branches(),
        r.setup(),
        r.checks(),
        r.remote(),
        r.logRun(),
        r.verifiedTrees());
  }

  /** The request with its checkout on this host. */
  public IntegrationStart local(IntegrationStart r) {
    return new IntegrationStart(path(r.repo(), r.repo()), r.runId(), r.target(), r.remote());
  }

  /** The request with its checkout on this host. */
  public UnmergedRequest local(UnmergedRequest r) {
    return new UnmergedRequest(path(r.repo(), r.repo()), r.target(), r.branches());
  }

  /** The request with its checkout on this host. */
  public PublishBranchRequest local(PublishBranchRequest r) {
    return new PublishBranchRequest(path(r.repo(), r.repo()), r.remote(), r.branch(), r.commit());
  }

  /** The request with its checkout and plan folder on this host. */
  public CleanupRequest local(CleanupRequest r) {
    return new CleanupRequest(
        path(r.repo(), r.repo()),
        r.runId(),
        path(r.repo(), r.planDir()),
        r.target(),
        r.remote(),
        r.taskIds(),
        r.archive(),
        r.date());
  }

  /** The request with its checkout and task file on this host. */
  public PullRequestRequest local(PullRequestRequest r) {
    return new PullRequestRequest(
        path(r.repo(), r.repo()),
        r.remote(),
        r.branch(),
        r.base(),
        r.title(),
        r.body(),
        r.labels(),
        r.repository(),
        r.apiUrl(),
        path(r.repo(), r.taskFile()),
        r.taskText());
  }

  /** The location with its checkout, whose remote may name the repository, on this host. */
  public GitHubLocation local(GitHubLocation g) {
    return g == null
        ? null
        : new GitHubLocation(path(g.repo(), g.repo()), g.remote(), g.repository(), g.apiUrl());
  }

  /** The spec with its checkout and task file on this host. */
  public PullRequestSpec local(PullRequestSpec s) {
    String repo = s.github() == null ? null : s.github().repo();
    return new PullRequestSpec(
        local(s.github()),
        s.branch(),
        s.base(),
        s.title(),
        s.body(),
        s.labels(),
        path(repo, s.taskFile()),
        s.closesIssue(),
        s.taskText());
  }

  /** The request with its checkout and task file on this host. */
  public IssueRequest local(IssueRequest r) {
    String repo = r.github() == null ? null : r.github().repo();
    return new IssueRequest(
        local(r.github()),
        r.key(),
        r.title(),
        r.body(),
        r.labels(),
        path(repo, r.taskFile()),
        r.taskText());
  }

  /** The request with its checkout, where the notify command runs, on this host. */
  public NotifyRequest local(NotifyRequest r) {
    return new NotifyRequest(
        r.command(), path(r.repo(), r.repo()), r.runId(), r.taskId(), r.reason());
  }

  /** The running activity's task queue; outside an activity, none, so nothing is mapped. */
  private static String activityTaskQueue() {
    try {
      return Activity.getExecutionContext().getInfo().getActivityTaskQueue();
    } catch (IllegalStateException notInAnActivity) {
      return "";
    }
  }
}
