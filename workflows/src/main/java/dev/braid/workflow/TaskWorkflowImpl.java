package dev.braid.workflow;

import io.temporal.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One task: a worktree on the host that will keep it, the escalation cascade, then the push. When
 * the task cannot go on (every tier failed, its setup failed, its merge gave up) it is blocked: it
 * tells its run why, as a {@link Blocker}, and waits for a human's decision with {@code
 * Workflow.await}, holding no process while it waits. Its workflow never ends while it is blocked.
 *
 * <p>The worktree is prepared on the shared task queue and every later activity runs on the queue
 * of the host that prepared it, because the worktree exists only on that host's disk. When that
 * host stops answering, the task is prepared again on one that does ({@link TaskFlow}).
 */
public class TaskWorkflowImpl implements TaskWorkflow {
  /**
   * The change that made a task a small state machine whose every failure blocks it for a human
   * instead of failing its workflow. Runs recorded before it take {@link LegacyTaskFlow}.
   */
  static final String TASK_STATES_CHANGE = "task-states";

  private final Deque<UnblockRequest> decisions = new ArrayDeque<>();
  private final RunRateLimit limit = new RunRateLimit();
  private final GitHubNews news = new GitHubNews();

  @Override
  public void decide(UnblockRequest decision) {
    decisions.add(decision);
  }

  @Override
  public void rateLimitedUntil(long untilMillis) {
    limit.extendTo(untilMillis);
  }

  @Override
  public void gitHubNews() {
    news.heard();
  }

  @Override
  public TaskOutcome run(TaskRequest request) {
    if (Workflow.getVersion(TASK_STATES_CHANGE, Workflow.DEFAULT_VERSION, 1)
        == Workflow.DEFAULT_VERSION) {
      return new LegacyTaskFlow(decisions).run(request);
    }
    limit.extendTo(request.rateLimitedUntil());
    return new TaskFlow(request, decisions, limit, news).run();
  }
}
