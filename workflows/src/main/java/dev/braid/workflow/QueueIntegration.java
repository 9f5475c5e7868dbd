package dev.braid.workflow;

import dev.braid.activity.GitActivities;
import dev.braid.activity.MergeRequest;
import dev.braid.activity.MergeResult;
import dev.braid.config.BraidConfig;
import dev.braid.plan.PlanTask;
import java.util.List;

/**
 * The merge queue's integration: each completed task is merged into {@code braid/<run>} with the
 * checks on the result, then at the end the target is brought to it ({@code direct}), left as it is
 * ({@code none}), or each task gets a pull request ({@code pr}).
 */
final class QueueIntegration implements Integration {
  private final String runId;
  private final RunLogs logs;
  private final RunRequest request;
  private final GitActivities git;
  private final MergeQueue queue;
  private final PullRequests pullRequests;

  QueueIntegration(
      RunLogs logs,
      RunRequest request,
      GitActivities git,
      MergeQueue queue,
      PullRequests pullRequests) {
    this.runId = logs.runId();
    this.logs = logs;
    this.request = request;
    this.git = git;
    this.queue = queue;
    this.pullRequests = pullRequests;
  }

  @Override
  public String baseBranch() {
    return queue.branch();
  }

  @Override
  public String startBranch(PlanTask task) {
    return pullRequests.delivers()
        ? PullRequestBases.start(
            task,
            request.config().merge().target(),
            queue.branch(),
            request.config().github().watch())
        : null;
  }

  @Override
  public void offer(TaskOutcome outcome) {
    queue.offer(outcome);
    pullRequests.openEarly(outcome);
  }

  @Override
  public int freedSlots() {
    return queue.freedSlots();
  }

  @Override
  public void startNext() {
    queue.startNext();
  }

  @Override
  public boolean active() {
    return queue.active();
  }

  @Override
  public List<TaskOutcome> integratedTasks() {
    return queue.integratedTasks();
  }

  /**
   * Brings the target up to the integration branch (direct), after running the full checks on it
   * once more: the verification of the integrated result. With none, the target stays and the
   * branches remain; the result was checked when its last task was merged.
   */
  @Override
  public MergeResult finish(Runnable merging) {
    List<String> integrated = queue.integrated();
    if (integrated.isEmpty()) {
      return null;
    }
    BraidConfig config = request.config();
    MergeRequest all =
        new MergeRequest(
            runId,
            request.repo(),
            config.merge().target(),
            integrated,
            config.setup(),
            config.checks(),
            config.merge().remote(),
            logs.logRun());
    merging.run();
    return switch (config.merge().mode()) {
      case DIRECT -> git.merge(all);
      case NONE -> git.integrate(all);
      case PR -> {
        MergeResult verified = git.integrate(all);
        pullRequests.open(queue.integratedTasks());
        yield verified;
      }
    };
  }
}
