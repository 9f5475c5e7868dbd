package dev.braid.workflow;

import dev.braid.activity.Usage;
import dev.braid.plan.PlanTask;
import dev.braid.plan.TaskState;
import java.util.List;

/**
 * One task as the run sees it now.
 *
 * @param id the task id
 * @param title the task's title
 * @param phase where it stands
 * @param attempts attempts spent over all tiers
 * @param tier the last tier that ran, or null
 * @param branch the task's branch
 * @param headCommit the branch's head, or null
 * @param reason why it is blocked or skipped, else null
 * @param startedAtMillis when its workflow started (workflow time), or 0
 * @param finishedAtMillis when it finished (workflow time), or 0
 * @param tiers the tiers that ran, in order, one entry per round of the cascade
 * @param usage what the agent reported it consumed
 * @param pullRequest the task's pull request's URL, or null
 * @param blocker why it waits for a human and what may be decided, while it is blocked; else null
 */
public record TaskStatus(
    String id,
    String title,
    TaskPhase phase,
    int attempts,
    String tier,
    String branch,
    String headCommit,
    String reason,
    long startedAtMillis,
    long finishedAtMillis,
    List<String> tiers,
    Usage usage,
    String pullRequest,
    Blocker blocker) {

  public TaskStatus {
    tiers = tiers == null ? List.of() : List.copyOf(tiers);
  }

  /** A task as the run finds it in the plan: completed before, or waiting to start. */
  static TaskStatus planned(PlanTask task) {
    boolean done = task.state() == TaskState.COMPLETED;
    return new TaskStatus(
        task.id(),
        task.title(),
        done ? TaskPhase.COMPLETED : TaskPhase.WAITING,
        0,
        null,
        BraidNames.taskBranch(task.id()),
        null,
        done ? "completed before this run" : null,
        0,
        0,
        List.of(),
        Usage.unknown(),
        null);
  }

  /** A status with no blocker, as runs recorded before blockers existed carry. */
  public TaskStatus(
      String id,
      String title,
      TaskPhase phase,
      int attempts,
      String tier,
      String branch,
      String headCommit,
      String reason,
      long startedAtMillis,
      long finishedAtMillis,
      List<String> tiers,
      Usage usage,
      String pullRequest) {
    this(
        id,
        title,
        phase,
        attempts,
        tier,
        branch,
        headCommit,
        reason,
        startedAtMillis,
        finishedAtMillis,
        tiers,
        usage,
        pullRequest,
        null);
  }

  /** This status, running but waiting for time to pass (a rate limit), which it says why. */
  TaskStatus waitingOn(Blocker wait) {
    return new TaskStatus(
        id,
        title,
        TaskPhase.RUNNING,
        attempts,
        tier,
        branch,
        headCommit,
        wait.reason(),
        startedAtMillis,
        0,
        tiers,
        usage,
        pullRequest,
        wait);
  }

  /** This status, blocked for the given reason: the phase, the reason and the blocker together. */
  TaskStatus blockedBy(Blocker newBlocker, long newFinishedAtMillis) {
    return new TaskStatus(
        id,
        title,
        TaskPhase.BLOCKED,
        attempts,
        tier,
        branch,
        headCommit,
        newBlocker.reason(),
        startedAtMillis,
        newFinishedAtMillis,
        tiers,
        usage,
        pullRequest,
        newBlocker);
  }

  /**
   * This status in another phase. The reason and the finish time go with it, because each phase
   * says why the task stands there, and only an ended phase has a finish time (else 0).
   */
  TaskStatus withPhase(TaskPhase newPhase, String newReason, long newFinishedAtMillis) {
    return new TaskStatus(
        id,
        title,
        newPhase,
        attempts,
        tier,
        branch,
        headCommit,
        newReason,
        startedAtMillis,
        newFinishedAtMillis,
        tiers,
        usage,
        pullRequest,
        newPhase == TaskPhase.BLOCKED ? blocker : null);
  }

  /** This status with the time its workflow started, for a task the run has just started. */
  TaskStatus withStartedAtMillis(long newStartedAtMillis) {
    return new TaskStatus(
        id,
        title,
        phase,
        attempts,
        tier,
        branch,
        headCommit,
        reason,
        newStartedAtMillis,
        finishedAtMillis,
        tiers,
        usage,
        pullRequest,
        blocker);
  }

  /**
   * This status with the attempts spent so far. The last tier and the list of tiers go with them,
   * because the escalation cascade moves all three at once.
   */
  TaskStatus withAttempts(int newAttempts, String newTier, List<String> newTiers) {
    return new TaskStatus(
        id,
        title,
        phase,
        newAttempts,
        newTier,
        branch,
        headCommit,
        reason,
        startedAtMillis,
        finishedAtMillis,
        newTiers,
        usage,
        pullRequest,
        blocker);
  }

  /** This status with what the task's workflow produced: its branch, its head and its usage. */
  TaskStatus withWork(String newBranch, String newHeadCommit, Usage newUsage) {
    return new TaskStatus(
        id,
        title,
        phase,
        attempts,
        tier,
        newBranch,
        newHeadCommit,
        reason,
        startedAtMillis,
        finishedAtMillis,
        tiers,
        newUsage,
        pullRequest,
        blocker);
  }

  /** This status with the task's pull request. */
  TaskStatus withPullRequest(String url) {
    return new TaskStatus(
        id,
        title,
        phase,
        attempts,
        tier,
        branch,
        headCommit,
        reason,
        startedAtMillis,
        finishedAtMillis,
        tiers,
        usage,
        url,
        blocker);
  }
}
