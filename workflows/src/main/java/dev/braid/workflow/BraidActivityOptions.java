package dev.braid.workflow;

import dev.braid.activity.AttemptFailure;
import dev.braid.activity.PullRequestFailure;
import dev.braid.config.AgentTier;
import dev.braid.config.BraidConfig;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Every activity's timeouts and retry policy, in one place, each with the reason for its values.
 */
public final class BraidActivityOptions {

  /**
   * A worker that dies mid-activity is noticed within this long. Activities that run subprocesses
   * heartbeat every few seconds, so a minute leaves room for a busy machine.
   */
  static final Duration HEARTBEAT = Duration.ofMinutes(1);

  private BraidActivityOptions() {}

  /**
   * The run's shared queue: the one the calling workflow runs on, the repository's (or, for runs
   * started before repositories had their own, {@link BraidNames#TASK_QUEUE}). It is in the
   * workflow's start event, so it is the same on every replay.
   */
  static String sharedQueue() {
    return Workflow.getInfo().getTaskQueue();
  }

  /**
   * How long an activity may wait for a worker. Only a host's own queue has a limit: its activities
   * need the worktree on that host's disk, so when no worker of the host polls for this long the
   * host is taken as lost and the task is prepared again elsewhere (Temporal never retries a
   * schedule-to-start timeout, which is what makes it a clean signal). The shared queue waits
   * without limit, since any worker that comes back can serve it.
   */
  static ActivityOptions.Builder on(String taskQueue, long hostWaitSeconds) {
    ActivityOptions.Builder options = ActivityOptions.newBuilder().setTaskQueue(taskQueue);
    return !BraidNames.isHostQueue(taskQueue)
        ? options
        : options.setScheduleToStartTimeout(Duration.ofSeconds(Math.max(1, hostWaitSeconds)));
  }

  /** Reading the plan and writing a status line are quick file operations. */
  public static ActivityOptions planFiles(String taskQueue, long hostWaitSeconds) {
    return on(taskQueue, hostWaitSeconds)
        .setStartToCloseTimeout(Duration.ofMinutes(1))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setMaximumAttempts(10)
                .setDoNotRetry(AttemptFailure.PLAN_INVALID)
                .build())
        .build();
  }

  /**
   * How long a status write waits for the host that started the run. Its checkout holds the task
   * files, but on a fleet that host may run no worker at all (a laptop that started the run and
   * left): the mirror is then given up for the task, which never waits for it again. A run's
   * shorter {@code hostWait} shortens it too.
   */
  static final Duration START_HOST_WAIT = Duration.ofSeconds(30);

  /** A status write on the starting host's queue: quick, and given up when nobody polls there. */
  public static ActivityOptions startHostFiles(String startHostQueue, long hostWaitSeconds) {
    long waitSeconds = Math.max(1, Math.min(hostWaitSeconds, START_HOST_WAIT.toSeconds()));
    return ActivityOptions.newBuilder()
        .setTaskQueue(startHostQueue)
        .setScheduleToStartTimeout(Duration.ofSeconds(waitSeconds))
        .setStartToCloseTimeout(Duration.ofMinutes(1))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setMaximumAttempts(3)
                .setDoNotRetry(AttemptFailure.PLAN_INVALID)
                .build())
        .build();
  }

  /**
   * Creating a worktree is quick, but setup commands such as {@code npm ci} can take many minutes;
   * the heartbeat, not the overall timeout, is what notices a dead worker.
   */
  public static ActivityOptions prepare() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(sharedQueue())
        .setStartToCloseTimeout(Duration.ofHours(1))
        .setHeartbeatTimeout(HEARTBEAT)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setMaximumAttempts(3)
                .setDoNotRetry(AttemptFailure.WORKTREE_FAILED)
                .build())
        .build();
  }

  /**
   * One tier of the escalation cascade, as a retry policy: each retry of the attempt activity is
   * one more go of the same agent, with the previous failure as feedback. The agent and each check
   * get the tier's timeout inside the activity, so the activity's own timeout covers them all.
   */
  public static ActivityOptions attempt(
      String hostTaskQueue, AgentTier tier, int checkCount, long hostWaitSeconds) {
    return attempt(hostTaskQueue, tier, checkCount, hostWaitSeconds, tier.attempts());
  }

  /**
   * The same, with the attempts the tier has left: after a rate-limit wait the tier goes on where
   * it stopped rather than starting its attempts afresh. A rate limit is never retried here, since
   * it is no attempt's fault: it returns to the workflow, which waits and runs the attempt again.
   */
  public static ActivityOptions attempt(
      String hostTaskQueue,
      AgentTier tier,
      int checkCount,
      long hostWaitSeconds,
      int attemptsLeft) {
    Duration perProcess = Duration.ofSeconds(tier.timeoutSeconds());
    return on(hostTaskQueue, hostWaitSeconds)
        // A cancelled task ends only once its agent's process tree is dead, so nothing (such as a
        // cancelled run's cleanup) races an agent still writing in the worktree.
        .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
        .setStartToCloseTimeout(perProcess.multipliedBy(1L + checkCount).plusMinutes(2))
        .setHeartbeatTimeout(HEARTBEAT)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setMaximumAttempts(Math.max(1, attemptsLeft))
                .setInitialInterval(Duration.ofSeconds(Math.max(1, tier.backoffSeconds())))
                .setBackoffCoefficient(2.0)
                .setDoNotRetry(
                    AttemptFailure.AGENT_NOT_FOUND,
                    AttemptFailure.BAD_CONFIG,
                    AttemptFailure.WORKTREE_FAILED,
                    AttemptFailure.AGENT_RATE_LIMITED,
                    AttemptFailure.BUDGET_SPENT)
                .build())
        .build();
  }

  /**
   * A human's manual fix: commit and checks, no agent. Retrying cannot fix failing checks, since
   * only the human can, so it runs once; the checks get the first tier's timeout each.
   */
  public static ActivityOptions manualWork(String hostTaskQueue, BraidConfig config) {
    Duration perCheck = Duration.ofSeconds(config.tiers().get(0).timeoutSeconds());
    return on(hostTaskQueue, config.hostWaitSeconds())
        .setStartToCloseTimeout(perCheck.multipliedBy(1L + config.checks().size()))
        .setHeartbeatTimeout(HEARTBEAT)
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
        .build();
  }

  /**
   * A notification is best effort: the activity reports a failing notifier instead of throwing, so
   * a retry only covers a lost worker.
   */
  public static ActivityOptions notifyHuman() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(sharedQueue())
        .setStartToCloseTimeout(Duration.ofMinutes(3))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
        .build();
  }

  /**
   * GitHub may be briefly down or rate-limited, so a pull request retries patiently; a bad token, a
   * rejected request or an unknown repository needs a human instead.
   */
  public static ActivityOptions pullRequest() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(sharedQueue())
        .setStartToCloseTimeout(Duration.ofMinutes(2))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setMaximumAttempts(20)
                .setInitialInterval(Duration.ofSeconds(5))
                .setMaximumInterval(Duration.ofMinutes(5))
                .setDoNotRetry(
                    PullRequestFailure.AUTH,
                    PullRequestFailure.REJECTED,
                    PullRequestFailure.NOT_FOUND,
                    PullRequestFailure.REPOSITORY_UNKNOWN)
                .build())
        .build();
  }

  /**
   * Cleanup removes worktrees and deletes branches, locally and on the remote; quick, but the
   * remote may be briefly unreachable.
   */
  public static ActivityOptions cleanup() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(sharedQueue())
        .setStartToCloseTimeout(Duration.ofMinutes(10))
        .setHeartbeatTimeout(HEARTBEAT)
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(5).build())
        .build();
  }

  /**
   * A push talks to a remote that may be briefly unreachable, so it retries patiently. It
   * heartbeats while a git call runs, so a lost worker is noticed within the heartbeat timeout
   * rather than after the ten minutes a slow push may take.
   */
  public static ActivityOptions push(String hostTaskQueue, long hostWaitSeconds) {
    return on(hostTaskQueue, hostWaitSeconds)
        .setStartToCloseTimeout(Duration.ofMinutes(10))
        .setHeartbeatTimeout(HEARTBEAT)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setMaximumAttempts(20)
                .setMaximumInterval(Duration.ofMinutes(2))
                .build())
        .build();
  }

  /**
   * The merge runs the checks on the merged result, which can take as long as a full test suite. It
   * is idempotent, so a worker lost halfway is simply retried.
   */
  public static ActivityOptions merge() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(sharedQueue())
        .setStartToCloseTimeout(Duration.ofHours(2))
        .setHeartbeatTimeout(HEARTBEAT)
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
        .build();
  }
}
