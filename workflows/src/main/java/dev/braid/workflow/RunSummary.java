package dev.braid.workflow;

import dev.braid.activity.MergeResult;
import dev.braid.config.MergeSettings;
import java.util.stream.Collectors;

/**
 * The line a run ends with. It says only what happened: "merged" only when the work is on the
 * branch named, and for a run that failed, which tasks and why.
 */
final class RunSummary {
  private RunSummary() {}

  static String of(RunBoard board, MergeResult merge, RunRequest request, boolean allCompleted) {
    MergeSettings settings = request.config().merge();
    String runId = io.temporal.workflow.Workflow.getInfo().getWorkflowId();
    if (merge != null && !merge.checksPassed()) {
      return "checks failed on the merged result; "
          + settings.target()
          + " was not moved (the merged work is on "
          + BraidNames.integrationBranch(runId)
          + ")";
    }
    if (merge != null && !merge.conflicted().isEmpty()) {
      return "these branches conflicted in the final merge: "
          + String.join(", ", merge.conflicted());
    }
    if (!allCompleted) {
      return notCompleted(board)
          + (merge == null ? "" : "; the other tasks were merged into " + where(settings, runId));
    }
    if (merge == null) {
      return "all tasks were completed before this run and "
          + settings.target()
          + " already holds their work; nothing to merge";
    }
    return switch (settings.mode()) {
      case DIRECT -> "all tasks completed and merged into " + settings.target();
      case NONE ->
          "all tasks completed and merged into "
              + BraidNames.integrationBranch(runId)
              + "; "
              + settings.target()
              + " was left as it is (merge: none)";
      case PR -> "all tasks completed; " + pullRequests(board);
    };
  }

  /** Which tasks have a pull request: a task a human accepted without one is named. */
  private static String pullRequests(RunBoard board) {
    String without =
        board.statuses().stream()
            .filter(s -> s.phase() == TaskPhase.COMPLETED && s.pullRequest() == null)
            .map(TaskStatus::id)
            .collect(Collectors.joining(", "));
    return without.isEmpty()
        ? "one pull request each"
        : "one pull request each, except " + without + " (accepted by hand without one)";
  }

  /** The line of runs recorded before the run-truth change, kept word for word for replay. */
  static String legacy(RunBoard board, MergeResult merge, int taskCount) {
    boolean allCompleted = board.count(TaskPhase.COMPLETED) == taskCount;
    boolean mergeClean = merge == null || (merge.checksPassed() && merge.conflicted().isEmpty());
    if (allCompleted && mergeClean) {
      return "all tasks completed and merged";
    }
    if (merge != null && !merge.checksPassed()) {
      return "checks failed on the merged result; the target branch was not moved";
    }
    return board.count(TaskPhase.BLOCKED)
        + " blocked, "
        + board.count(TaskPhase.SKIPPED)
        + " skipped";
  }

  private static String notCompleted(RunBoard board) {
    String tasks =
        board.statuses().stream()
            .filter(s -> s.phase() != TaskPhase.COMPLETED)
            .map(
                s ->
                    s.id()
                        + " "
                        + s.phase().label()
                        + (s.reason() == null ? "" : ": " + s.reason()))
            .collect(Collectors.joining("; "));
    return "not every task completed: " + tasks;
  }

  private static String where(MergeSettings settings, String runId) {
    return settings.mode() == dev.braid.config.MergeMode.DIRECT
        ? settings.target()
        : BraidNames.integrationBranch(runId);
  }
}
