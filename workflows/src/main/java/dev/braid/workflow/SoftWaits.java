package dev.braid.workflow;

import dev.braid.plan.SoftEdge;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The soft edges of a run ({@code overlap: serialize}): a task that shares declared files with
 * another waits for that one's merge, so it starts from its work. A soft edge holds a task only
 * while the task it waits for may still merge: once that one is completed, skipped or blocked, the
 * waiting task goes on, since a human's decision can take days.
 */
final class SoftWaits {
  static final SoftWaits NONE = new SoftWaits(List.of());

  private static final String PREFIX = "waits for ";

  private final List<SoftEdge> edges;

  SoftWaits(List<SoftEdge> edges) {
    this.edges = List.copyOf(edges);
  }

  boolean isEmpty() {
    return edges.isEmpty();
  }

  /** The soft edges that hold this task now. */
  List<SoftEdge> holding(String id, RunBoard board) {
    List<SoftEdge> holding = new ArrayList<>();
    for (SoftEdge edge : edges) {
      if (edge.after().equals(id) && !board.phase(edge.before()).finished()) {
        holding.add(edge);
      }
    }
    return holding;
  }

  /**
   * Why a waiting task does not start, for the status and the Web UI: {@code waits for a to merge:
   * both touch src/x.py}; null when no soft edge holds it.
   */
  String reason(String id, RunBoard board) {
    List<SoftEdge> holding = holding(id, board);
    if (holding.isEmpty()) {
      return null;
    }
    return PREFIX
        + holding.stream().map(SoftEdge::before).collect(Collectors.joining(", "))
        + " to merge (soft edge): both touch "
        + String.join(", ", holding.get(0).paths());
  }

  /** Whether this reason is one {@link #reason} gave, so it may be replaced or cleared. */
  static boolean isSoftReason(String reason) {
    return reason != null && reason.startsWith(PREFIX) && reason.contains("(soft edge)");
  }

  /** The tasks that wait only because of a soft edge, each with the tasks it waits for. */
  List<String> waiting(RunBoard board) {
    List<String> lines = new ArrayList<>();
    for (String id : edges.stream().map(SoftEdge::after).distinct().toList()) {
      String why = board.phase(id) == TaskPhase.WAITING ? reason(id, board) : null;
      if (why != null) {
        lines.add(id + " " + why);
      }
    }
    return lines;
  }
}
