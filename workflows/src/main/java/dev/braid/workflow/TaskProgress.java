package dev.braid.workflow;

import java.util.List;

/**
 * A task workflow tells its run that it became blocked or runs again, so the run can count it, show
 * it, and accept a human's decision for it.
 *
 * @param taskId the task
 * @param phase running or blocked
 * @param attempts attempts spent so far over all tiers
 * @param tiers the tiers that ran so far, in order
 * @param reason why it is blocked, else null
 * @param blocker why it is blocked, as data, else null (and null from workflows that predate it)
 * @param spentUsd what the task's attempts cost so far, as their agents reported it, or null when
 *     unknown: the run's budget counts a blocked task's spend too
 */
public record TaskProgress(
    String taskId,
    TaskPhase phase,
    int attempts,
    List<String> tiers,
    String reason,
    Blocker blocker,
    Double spentUsd) {

  public TaskProgress {
    tiers = tiers == null ? List.of() : List.copyOf(tiers);
  }

  /** The longest reason a memo keeps: the whole memo is written again on every change. */
  static final int MEMO_REASON = 600;

  /** This report with its reasons cut to what a memo keeps; the log holds the rest. */
  TaskProgress brief() {
    Blocker shortBlocker =
        blocker == null
            ? null
            : new Blocker(
                blocker.kind(),
                cut(blocker.reason()),
                blocker.log(),
                blocker.decisions(),
                blocker.untilMillis());
    return new TaskProgress(taskId, phase, attempts, tiers, cut(reason), shortBlocker, spentUsd);
  }

  /**
   * A report that says nothing of spend, as every report did before blocked tasks' spend counted.
   */
  public TaskProgress(
      String taskId,
      TaskPhase phase,
      int attempts,
      List<String> tiers,
      String reason,
      Blocker blocker) {
    this(taskId, phase, attempts, tiers, reason, blocker, null);
  }

  private static String cut(String text) {
    return text == null || text.length() <= MEMO_REASON
        ? text
        : text.substring(0, MEMO_REASON) + "... (see the log)";
  }

  /** A report without a blocker, as task workflows recorded before blockers existed send. */
  public TaskProgress(
      String taskId, TaskPhase phase, int attempts, List<String> tiers, String reason) {
    this(taskId, phase, attempts, tiers, reason, null);
  }
}
