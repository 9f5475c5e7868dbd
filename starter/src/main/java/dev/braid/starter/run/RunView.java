package dev.braid.starter.run;

import dev.braid.activity.MergeResult;
import dev.braid.activity.Usage;
import dev.braid.workflow.RunStatus;
import dev.braid.workflow.TaskPhase;
import dev.braid.workflow.TaskStatus;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a run for humans: a table of tasks, then the figures. */
public final class RunView {
  private RunView() {}

  /** The task table. */
  public static void table(RunStatus run, PrintWriter out) {
    out.printf(
        "%-24s %-10s %8s  %-8s %-9s %8s  %s%n",
        "TASK", "STATUS", "ATTEMPTS", "TIER", "COMMIT", "TIME", "NOTE");
    for (TaskStatus t : run.tasks()) {
      out.printf(
          "%-24s %-10s %8s  %-14s %-9s %8s  %s%n",
          t.id(),
          t.phase().label(),
          t.attempts() == 0 ? "-" : String.valueOf(t.attempts()),
          tiers(t),
          t.headCommit() == null
              ? "-"
              : t.headCommit().substring(0, Math.min(8, t.headCommit().length())),
          duration(t),
          t.reason() == null ? "" : t.reason());
    }
  }

  /** The closing report: time, speedup, cost and the merge. */
  public static void report(RunStatus run, PrintWriter out) {
    table(run, out);
    long wall = run.finishedAtMillis() > 0 ? run.finishedAtMillis() - run.startedAtMillis() : 0;
    long sum =
        run.tasks().stream()
            .filter(t -> t.startedAtMillis() > 0 && t.finishedAtMillis() > 0)
            .mapToLong(t -> t.finishedAtMillis() - t.startedAtMillis())
            .sum();
    out.println();
    if (wall > 0) {
      out.printf(
          Locale.ROOT,
          "wall-clock %s, sum of task times %s, speedup %.2fx%n",
          seconds(wall),
          seconds(sum),
          (double) sum / wall);
    }
    Usage total = Usage.unknown();
    boolean first = true;
    long reporting = 0;
    for (TaskStatus t : run.tasks()) {
      if (t.startedAtMillis() == 0) {
        continue;
      }
      Usage u = t.usage() == null ? Usage.unknown() : t.usage();
      reporting += u.known() ? 1 : 0;
      total = first ? u : total.plus(u);
      first = false;
    }
    if (reporting == 0) {
      out.println("cost and tokens: unknown (no agent reported them)");
    } else if (total.known()) {
      out.printf(
          Locale.ROOT,
          "cost $%.4f, tokens in %s, out %s%n",
          total.costUsd(),
          total.inputTokens() == null ? "unknown" : total.inputTokens(),
          total.outputTokens() == null ? "unknown" : total.outputTokens());
    } else {
      out.printf(
          "cost and tokens: unknown (%d task(s) reported them, others did not)%n", reporting);
    }
    MergeResult merge = run.merge();
    if (merge != null) {
      out.printf(
          "merge: %d branch(es) merged, %d conflicted; checks on the merged result %s; target at %s%s%n",
          merge.merged().size(),
          merge.conflicted().size(),
          merge.checksPassed() ? "passed" : "FAILED",
          merge.targetHead() == null
              ? "-"
              : merge.targetHead().substring(0, Math.min(8, merge.targetHead().length())),
          merge.pushed() ? ", pushed" : "");
    }
    out.println(run.phase().label() + (run.message() == null ? "" : ": " + run.message()));
  }

  /** One line on a task that changed. */
  public static String change(TaskStatus t, long runStart) {
    String at =
        t.finishedAtMillis() > 0
            ? seconds(t.finishedAtMillis() - runStart)
            : t.startedAtMillis() > 0 ? seconds(t.startedAtMillis() - runStart) : "";
    StringBuilder line =
        new StringBuilder(String.format("[%7s] %-24s %s", at, t.id(), t.phase().label()));
    if (t.phase() == TaskPhase.COMPLETED && t.attempts() > 0) {
      line.append(" after ")
          .append(t.attempts())
          .append(t.attempts() == 1 ? " attempt" : " attempts")
          .append(" (")
          .append(t.tier())
          .append(')');
    }
    if (t.reason() != null && t.phase() != TaskPhase.COMPLETED) {
      line.append(": ").append(t.reason());
    }
    return line.toString();
  }

  /** The tiers that ran, in order, with repeats folded: {@code fast>strong}. */
  private static String tiers(TaskStatus t) {
    if (t.tiers().isEmpty()) {
      return t.tier() == null ? "-" : t.tier();
    }
    return String.join(">", t.tiers());
  }

  private static String duration(TaskStatus t) {
    if (t.startedAtMillis() == 0 || t.finishedAtMillis() == 0) {
      return "-";
    }
    return seconds(t.finishedAtMillis() - t.startedAtMillis());
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
  }
}
