package dev.braid.starter.report;

import static dev.braid.starter.report.Runs.plan;
import static dev.braid.starter.report.Runs.ran;
import static dev.braid.starter.report.Runs.run;
import static dev.braid.starter.report.Runs.tokens;
import static dev.braid.starter.report.Runs.waitingOnRateLimit;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Markdown report: each figure measured or said to be unknown, and each task's note. */
class ReportMarkdownTest {

  @Test
  void givesTheTokensWhenEveryTaskReportedThemThoughTheCostIsUnknown() {
    String md =
        ReportMarkdown.of(
            RunReport.of(
                run(10, null, ran("a", 0, 5, tokens(1000, 200)), ran("b", 0, 5, tokens(30, 4))),
                plan("a", "b")));

    assertContains(md, "| cost | unknown |");
    assertContains(md, "| tokens in / out | 1030 / 204 |");
    assertContains(md, "| tasks that reported cost | 0 of 2 that ran |");
    assertContains(md, "| tasks that reported tokens | 2 of 2 that ran |");
  }

  @Test
  void aTaskWaitingOnARateLimitSaysSoInItsNote() {
    String why = "waiting: rate limit until 15:04 UTC (AgentRateLimited: API Error: 429)";
    String md =
        ReportMarkdown.of(RunReport.of(run(0, null, waitingOnRateLimit("a", 1, why)), plan("a")));

    assertTrue(
        md.lines().anyMatch(row -> row.startsWith("| a | running |") && row.endsWith(why + " |")),
        md);
  }

  private static void assertContains(String text, String part) {
    assertTrue(text.contains(part), "expected «" + part + "» in:\n" + text);
  }
}
