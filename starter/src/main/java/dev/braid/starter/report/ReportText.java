package dev.braid.starter.report;

import dev.braid.activity.MergeResult;
import java.io.PrintWriter;
import java.util.List;

/**
 * The report for a terminal: a table of the tasks, then the run's figures, each labelled with how
 * it is computed, so a reader can check it against the table.
 */
public final class ReportText {
  private static final String ROW = "%-24s %-10s %8s  %-14s %-9s %-24s %8s %8s  %-9s %s%n";

  private ReportText() {}

  public static void print(RunReport report, PrintWriter out) {
    table(report.tasks(), out);
    out.println();
    figures(report, out);
    usage(report.usage(), out);
    if (!report.tiers().isEmpty()) {
      out.println(TierLines.line(report.tiers()));
    }
    verification(report.merge(), out);
    out.println(report.phase().label() + (report.message() == null ? "" : ": " + report.message()));
    report.notes().forEach(note -> out.println("note: " + note));
  }

  private static void table(List<TaskReport> tasks, PrintWriter out) {
    out.printf(
        ROW,
        "TASK",
        "STATUS",
        "ATTEMPTS",
        "TIERS",
        "COMMIT",
        "BRANCH",
        "START",
        "TIME",
        "COST",
        "NOTE");
    for (TaskReport t : tasks) {
      out.printf(
          ROW,
          t.id(),
          t.phase().label(),
          t.attempts() == 0 ? "-" : String.valueOf(t.attempts()),
          t.tiers().isEmpty() ? "-" : String.join(">", t.tiers()),
          Figures.shortCommit(t.headCommit()),
          t.pullRequest() != null ? t.pullRequest() : t.branch() == null ? "-" : t.branch(),
          t.startOffsetMillis() == null ? "-" : "+" + Figures.duration(t.startOffsetMillis()),
          Figures.duration(t.durationMillis()),
          t.ran() ? Figures.cost(t.usage().costUsd()) : "-",
          t.reason() == null ? "" : t.reason());
    }
  }

  private static void figures(RunReport r, PrintWriter out) {
    if (r.wallClockMillis() == null) {
      out.printf(
          "wall-clock unknown (the run has not ended), sum of task times so far %s%n",
          Figures.duration(r.taskTimeSumMillis()));
    } else {
      out.printf(
          "wall-clock %s, sum of task times %s, speedup %s (sum / wall-clock)%n",
          Figures.duration(r.wallClockMillis()),
          Figures.duration(r.taskTimeSumMillis()),
          r.speedup() == null ? "unknown" : Figures.times(r.speedup()));
    }
    if (r.criticalPath() == null) {
      out.println("critical path unknown");
    } else {
      out.printf(
          "critical path %s (%s), efficiency %s (critical path / wall-clock)%n",
          Figures.duration(r.criticalPath().millis()),
          String.join(" -> ", r.criticalPath().tasks()),
          r.efficiency() == null ? "unknown" : Figures.percent(r.efficiency()));
    }
  }

  private static void usage(UsageTotal u, PrintWriter out) {
    if (u.tasksRan() == 0) {
      out.println("cost and tokens: unknown (no task ran)");
    } else if (u.known()) {
      out.printf(
          "cost %s, tokens in %s, out %s (all %d task(s) that ran reported them)%n",
          Figures.cost(u.total().costUsd()),
          Figures.count(u.total().inputTokens()),
          Figures.count(u.total().outputTokens()),
          u.tasksRan());
    } else if (u.tokensKnown()) {
      // Codex reports tokens and no cost: the tokens are measured, and say so.
      out.printf(
          "tokens in %s, out %s (all %d task(s) that ran reported them); cost unknown (%d of %d"
              + " reported it)%n",
          Figures.count(u.total().inputTokens()),
          Figures.count(u.total().outputTokens()),
          u.tasksRan(),
          u.tasksReporting(),
          u.tasksRan());
    } else if (u.costKnown()) {
      out.printf(
          "cost %s (all %d task(s) that ran reported it); tokens unknown (%d of %d reported them)%n",
          Figures.cost(u.total().costUsd()), u.tasksRan(), u.tasksReportingTokens(), u.tasksRan());
    } else {
      out.printf(
          "cost and tokens: unknown (%d of %d task(s) that ran reported them)%n",
          u.tasksReporting(), u.tasksRan());
    }
  }

  private static void verification(MergeResult merge, PrintWriter out) {
    if (merge == null) {
      out.println("verification: none (nothing was merged)");
      return;
    }
    out.printf(
        "verification: checks on the merged result %s; %d branch(es) merged, %d conflicted;"
            + " target at %s%s%n",
        merge.checksPassed() ? "passed" : "FAILED",
        merge.merged().size(),
        merge.conflicted().size(),
        Figures.shortCommit(merge.targetHead()),
        merge.pushed() ? ", pushed" : "");
    if (!merge.checksPassed() && merge.checksOutput() != null && !merge.checksOutput().isBlank()) {
      merge.checksOutput().strip().lines().forEach(line -> out.println("  | " + line));
    }
  }
}
