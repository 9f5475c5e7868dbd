package dev.braid.workflow;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The Web UI's current details of a run: one line of counts, then the tasks that run, the tasks a
 * soft edge holds, and the blocked ones with why. Temporal keeps them as metadata, not in history,
 * so their wording may change without a version.
 */
final class BoardDetails {
  private BoardDetails() {}

  static String of(RunBoard board) {
    List<TaskStatus> statuses = board.statuses();
    StringBuilder sb = new StringBuilder();
    sb.append(board.count(TaskPhase.COMPLETED))
        .append('/')
        .append(statuses.size())
        .append(" completed, ")
        .append(board.count(TaskPhase.RUNNING))
        .append(" running, ")
        .append(board.count(TaskPhase.WAITING))
        .append(" waiting, ")
        .append(board.count(TaskPhase.BLOCKED))
        .append(" blocked, ")
        .append(board.count(TaskPhase.SKIPPED))
        .append(" skipped");
    String running =
        statuses.stream()
            .filter(s -> s.phase() == TaskPhase.RUNNING)
            .map(TaskStatus::id)
            .collect(Collectors.joining(", "));
    if (!running.isEmpty()) {
      sb.append("\nrunning: ").append(running);
    }
    for (TaskStatus s : statuses) {
      if (s.phase() == TaskPhase.WAITING && SoftWaits.isSoftReason(s.reason())) {
        sb.append("\nwaiting: ").append(s.id()).append(' ').append(s.reason());
      }
    }
    for (TaskStatus s : statuses) {
      if (s.phase() == TaskPhase.BLOCKED) {
        sb.append("\nblocked: ")
            .append(s.id())
            .append(s.blocker() == null ? "" : " (" + s.blocker().kind().label() + ")")
            .append(": ")
            .append(s.reason());
      }
    }
    return sb.toString();
  }
}
