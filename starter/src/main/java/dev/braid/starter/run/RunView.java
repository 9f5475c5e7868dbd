package dev.braid.starter.run;

import dev.braid.starter.report.ReportText;
import dev.braid.starter.report.RunReport;
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
          t.reason() != null ? t.reason() : t.pullRequest() != null ? t.pullRequest() : "");
    }
  }

  /**
   * The closing report, without the plan's dependencies, so its critical path is unknown; callers
   * that have the plan use {@link ReportText} with {@link RunReport#of(RunStatus,
   * dev.braid.plan.Plan)}.
   */
  public static void report(RunStatus run, PrintWriter out) {
    ReportText.print(RunReport.of(run, null), out);
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
