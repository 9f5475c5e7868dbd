package dev.braid.starter.cli;

import dev.braid.activities.plan.PlanOverlaps;
import dev.braid.config.OverlapPolicy;
import dev.braid.plan.FileOverlap;
import dev.braid.plan.Plan;
import dev.braid.plan.SoftEdge;
import dev.braid.plan.SoftEdges;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What {@code plan validate}, {@code plan graph} and {@code execute} print about tasks that may run
 * at the same time and touch the same files. They are warnings, not problems: the plan still runs.
 */
final class OverlapText {
  private OverlapText() {}

  private static final int WIDTH = 100;

  /** What braid does about an overlap under this policy, in one sentence without its period. */
  static String action(OverlapPolicy policy) {
    return switch (policy) {
      case SERIALIZE ->
          "braid keeps them apart (overlap: serialize): the second waits for the first's merge"
              + " and starts from its work; when the first is skipped or blocked, the second goes on";
      case WARN ->
          "both may run at the same time (overlap: warn); the merge queue keeps them out of one"
              + " batch, finds any conflict when the second merges and gives it to the resolver"
              + " agent (agent.resolver), or else blocks that task for you";
      case IGNORE ->
          "both may run at the same time (overlap: ignore); the merge queue finds any conflict"
              + " when the second merges and gives it to the resolver agent (agent.resolver), or"
              + " else blocks that task for you";
    };
  }

  /**
   * Who waits for whom in one overlap under this policy: {@code b waits for a's merge}, or null
   * when nobody does.
   */
  static String waits(FileOverlap overlap, List<SoftEdge> edges, OverlapPolicy policy) {
    if (policy != OverlapPolicy.SERIALIZE) {
      return null;
    }
    for (SoftEdge edge : edges) {
      if (edge.before().equals(overlap.first()) && edge.after().equals(overlap.second())
          || edge.before().equals(overlap.second()) && edge.after().equals(overlap.first())) {
        return edge.after() + " waits for " + edge.before() + "'s merge";
      }
    }
    return "already apart through other waits";
  }

  /**
   * What {@code execute} says as the run starts: the overlaps only, and only when there are some.
   */
  static String atLaunch(Plan plan, OverlapPolicy policy) {
    if (policy == OverlapPolicy.IGNORE) {
      return "";
    }
    try {
      return overlaps(plan, PlanOverlaps.of(plan), policy);
    } catch (UncheckedIOException unreadable) {
      return ""; // the run reads the task files itself, and says what is wrong with them
    }
  }

  /** The lines to print, each ended by a newline; empty when there is nothing to say. */
  static String of(Plan plan, PlanOverlaps overlaps, OverlapPolicy policy) {
    StringBuilder sb = new StringBuilder(overlaps(plan, overlaps, policy));
    if (!overlaps.undeclared().isEmpty()) {
      int n = overlaps.undeclared().size();
      wrap(
          "",
          (n == 1 ? "1 task declares" : n + " tasks declare")
              + " no files ("
              + String.join(", ", overlaps.undeclared())
              + "): without a Files to Touch or Potential Conflicts section, whether "
              + (n == 1 ? "it overlaps" : "they overlap")
              + " is unknown.",
          sb);
    }
    return sb.toString();
  }

  private static String overlaps(Plan plan, PlanOverlaps overlaps, OverlapPolicy policy) {
    StringBuilder sb = new StringBuilder();
    if (overlaps.overlaps().isEmpty()) {
      return "";
    }
    List<SoftEdge> edges = SoftEdges.of(plan, overlaps.overlaps());
    int n = overlaps.overlaps().size();
    sb.append(n == 1 ? "1 overlap" : n + " overlaps")
        .append(": tasks that may run at the same time declare the same files:\n");
    for (FileOverlap overlap : overlaps.overlaps()) {
      String waits = waits(overlap, edges, policy);
      sb.append("  ")
          .append(overlap.first())
          .append(" and ")
          .append(overlap.second())
          .append(": ")
          .append(String.join(", ", overlap.paths()))
          .append(waits == null ? "" : " (" + waits + ")")
          .append('\n');
    }
    wrap("  ", action(policy) + ".", sb);
    return sb.toString();
  }

  /** Appends the text in lines of at most {@link #WIDTH} columns, each starting with indent. */
  private static void wrap(String indent, String text, StringBuilder sb) {
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.split(" ")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
        sb.append(line).append('\n');
        line = new StringBuilder(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    sb.append(line).append('\n');
  }
}
