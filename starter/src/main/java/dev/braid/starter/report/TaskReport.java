package dev.braid.starter.report;

import dev.braid.activity.TierUsage;
import dev.braid.activity.Usage;
import dev.braid.workflow.TaskPhase;
import dev.braid.workflow.TaskStatus;
import java.util.List;

/**
 * One task's measured figures, as its workflow recorded them.
 *
 * @param id the task id
 * @param title the task's title
 * @param phase where it stands
 * @param attempts attempts spent over all tiers
 * @param tiers the tiers that ran, in order
 * @param branch the task's branch
 * @param headCommit the branch's head, or null
 * @param reason why it is blocked or skipped, else null
 * @param startedAtMillis when its workflow started (workflow time), or 0 when it did not run
 * @param finishedAtMillis when it finished (workflow time), or 0
 * @param startOffsetMillis how long after the run's start it started, or null when it did not
 * @param durationMillis from its start to its finish, or null when it has not finished
 * @param usage what its agent reported it consumed; fields are null where it did not report them
 * @param pullRequest the task's pull request's URL, or null
 * @param usageByTier the usage split by the tier it was spent on, or null when not known
 */
public record TaskReport(
    String id,
    String title,
    TaskPhase phase,
    int attempts,
    List<String> tiers,
    String branch,
    String headCommit,
    String reason,
    long startedAtMillis,
    long finishedAtMillis,
    Long startOffsetMillis,
    Long durationMillis,
    Usage usage,
    String pullRequest,
    List<TierUsage> usageByTier) {

  public TaskReport {
    tiers = List.copyOf(tiers);
    usage = usage == null ? Usage.unknown() : usage;
    usageByTier = usageByTier == null ? null : List.copyOf(usageByTier);
  }

  /** The task's figures within a run that started at {@code runStartMillis}. */
  public static TaskReport of(TaskStatus t, long runStartMillis) {
    return of(t, runStartMillis, null);
  }

  /**
   * The task's figures within a run that started at {@code runStartMillis}.
   *
   * @param recordedSplit the split by tier its last successful attempt recorded, or null
   */
  public static TaskReport of(TaskStatus t, long runStartMillis, List<TierUsage> recordedSplit) {
    boolean ran = t.startedAtMillis() > 0;
    boolean finished = ran && t.finishedAtMillis() >= t.startedAtMillis();
    List<String> tiers = !t.tiers().isEmpty() || t.tier() == null ? t.tiers() : List.of(t.tier());
    return new TaskReport(
        t.id(),
        t.title(),
        t.phase(),
        t.attempts(),
        tiers,
        t.branch(),
        t.headCommit(),
        t.reason(),
        t.startedAtMillis(),
        t.finishedAtMillis(),
        ran && runStartMillis > 0 ? t.startedAtMillis() - runStartMillis : null,
        finished ? t.finishedAtMillis() - t.startedAtMillis() : null,
        t.usage(),
        t.pullRequest(),
        ran ? TierSplit.of(tiers, t.attempts(), t.usage(), recordedSplit) : null);
  }

  /** Whether the task ran in this run (a task completed before it started never does). */
  public boolean ran() {
    return startedAtMillis > 0;
  }

  /** Whether its duration is measured: it ran and finished. */
  public boolean measured() {
    return durationMillis != null;
  }
}
