package dev.braid.starter.report;

import dev.braid.activity.MergeResult;
import java.util.List;

/**
 * The report as Markdown, for {@code .parallel/reports/<run>/<temporal run id>.md}: readable as it
 * is, and ready to paste into a pull request or an issue.
 */
public final class ReportMarkdown {
  private ReportMarkdown() {}

  public static String of(RunReport r) {
    return of(r, null);
  }

  /** The report of one Temporal run of the run; the run id is left out when null. */
  public static String of(RunReport r, String temporalRunId) {
    StringBuilder md = new StringBuilder();
    md.append("# braid report: ").append(r.runId()).append("\n\n");
    if (temporalRunId != null) {
      md.append("Temporal run `").append(temporalRunId).append("`\n\n");
    }
    md.append("Plan **").append(cell(r.planName())).append("**: ").append(r.phase().label());
    md.append(r.message() == null ? "" : " (" + r.message() + ")").append("\n\n");
    md.append("| figure | value |\n| --- | --- |\n");
    row(md, "wall-clock", Figures.duration(r.wallClockMillis()));
    row(md, "sum of task times", Figures.duration(r.taskTimeSumMillis()));
    row(
        md,
        "speedup (sum / wall-clock)",
        r.speedup() == null ? "unknown" : Figures.times(r.speedup()));
    row(
        md,
        "critical path",
        r.criticalPath() == null
            ? "unknown"
            : Figures.duration(r.criticalPath().millis())
                + ": "
                + String.join(" → ", r.criticalPath().tasks()));
    row(
        md,
        "efficiency (critical path / wall-clock)",
        r.efficiency() == null ? "unknown" : Figures.percent(r.efficiency()));
    UsageTotal u = r.usage();
    row(md, "cost", u.costKnown() ? Figures.cost(u.total().costUsd()) : "unknown");
    row(
        md,
        "tokens in / out",
        u.tokensKnown()
            ? Figures.count(u.total().inputTokens())
                + " / "
                + Figures.count(u.total().outputTokens())
            : "unknown");
    row(md, "tasks that reported cost", u.tasksReporting() + " of " + u.tasksRan() + " that ran");
    row(
        md,
        "tasks that reported tokens",
        u.tasksReportingTokens() + " of " + u.tasksRan() + " that ran");
    row(md, "verification", verification(r.merge()));
    if (!r.tiers().isEmpty()) {
      md.append("\n## Spend per tier\n\n");
      md.append("| tier | tasks | attempts | cost | tokens in / out |\n");
      md.append("| --- | ---: | ---: | ---: | ---: |\n");
      for (TierTotal t : r.tiers()) {
        md.append("| ")
            .append(
                String.join(
                    " | ",
                    cell(t.tier()),
                    String.valueOf(t.usage().tasksRan()),
                    t.attempts() == null ? "unknown" : String.valueOf(t.attempts()),
                    TierLines.cost(t.usage()),
                    TierLines.tokens(t.usage())))
            .append(" |\n");
      }
    }
    md.append("\n## Tasks\n\n");
    md.append(
        "| task | status | attempts | tiers | started | duration | commit | branch or PR | cost | note |\n");
    md.append("| --- | --- | ---: | --- | ---: | ---: | --- | --- | ---: | --- |\n");
    for (TaskReport t : r.tasks()) {
      md.append("| ")
          .append(
              String.join(
                  " | ",
                  List.of(
                      cell(t.id()),
                      t.phase().label(),
                      String.valueOf(t.attempts()),
                      t.tiers().isEmpty() ? "-" : String.join(" → ", t.tiers()),
                      t.startOffsetMillis() == null
                          ? "-"
                          : "+" + Figures.duration(t.startOffsetMillis()),
                      Figures.duration(t.durationMillis()),
                      t.headCommit() == null
                          ? "-"
                          : "`" + Figures.shortCommit(t.headCommit()) + "`",
                      t.pullRequest() != null
                          ? "[pull request](" + t.pullRequest() + ")"
                          : t.branch() == null ? "-" : "`" + t.branch() + "`",
                      t.ran() ? Figures.cost(t.usage().costUsd()) : "-",
                      t.reason() == null ? "" : cell(t.reason()))))
          .append(" |\n");
    }
    MergeResult merge = r.merge();
    if (merge != null && !merge.checksPassed() && merge.checksOutput() != null) {
      md.append("\n## Checks on the merged result\n\n```text\n")
          .append(merge.checksOutput().strip().replace("```", "'''"))
          .append("\n```\n");
    }
    if (!r.notes().isEmpty()) {
      md.append("\n## Notes\n\n");
      r.notes().forEach(n -> md.append("- ").append(n).append('\n'));
    }
    return md.toString();
  }

  private static String verification(MergeResult merge) {
    if (merge == null) {
      return "none (nothing was merged)";
    }
    return (merge.checksPassed() ? "checks passed" : "checks FAILED")
        + " on the merged result; "
        + merge.merged().size()
        + " merged, "
        + merge.conflicted().size()
        + " conflicted; target at `"
        + Figures.shortCommit(merge.targetHead())
        + "`"
        + (merge.pushed() ? ", pushed" : "");
  }

  private static void row(StringBuilder md, String figure, String value) {
    md.append("| ").append(figure).append(" | ").append(value).append(" |\n");
  }

  /** Text safe in one table cell: no pipe, no line break. */
  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
  }
}
