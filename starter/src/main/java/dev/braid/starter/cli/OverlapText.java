package dev.braid.starter.cli;

import dev.braid.activities.plan.FileOverlap;
import dev.braid.activities.plan.PlanOverlaps;

/**
 * What {@code plan validate} and {@code plan graph} print about tasks that may run at the same time
 * and touch the same files. They are warnings, not problems: the plan still runs.
 */
final class OverlapText {
  private OverlapText() {}

  /**
   * What braid does about an overlap today. It must stay true: when the scheduler learns to keep
   * overlapping tasks apart, this sentence changes with it.
   */
  static final String ACTION =
      "braid does not yet keep them apart: both may run at the same time, and the merge queue"
          + " finds any conflict when the second one merges and gives it to the resolver agent"
          + " (agent.resolver), or else blocks that task for you";

  private static final int WIDTH = 100;

  /** The lines to print, each ended by a newline; empty when there is nothing to say. */
  static String of(PlanOverlaps overlaps) {
    StringBuilder sb = new StringBuilder();
    if (!overlaps.overlaps().isEmpty()) {
      int n = overlaps.overlaps().size();
      sb.append(n == 1 ? "1 overlap" : n + " overlaps")
          .append(": tasks that may run at the same time declare the same files:\n");
      for (FileOverlap overlap : overlaps.overlaps()) {
        sb.append("  ")
            .append(overlap.first())
            .append(" and ")
            .append(overlap.second())
            .append(": ")
            .append(String.join(", ", overlap.paths()))
            .append('\n');
      }
      wrap("  ", ACTION + ".", sb);
    }
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
