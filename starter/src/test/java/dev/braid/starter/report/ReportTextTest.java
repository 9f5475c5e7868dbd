package dev.braid.starter.report;

import static dev.braid.starter.report.Runs.cost;
import static dev.braid.starter.report.Runs.merged;
import static dev.braid.starter.report.Runs.plan;
import static dev.braid.starter.report.Runs.ran;
import static dev.braid.starter.report.Runs.run;
import static dev.braid.starter.report.Runs.tokens;
import static dev.braid.starter.report.Runs.waitingOnRateLimit;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.Usage;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The terminal report says each figure with how it is computed, and what is unknown. */
class ReportTextTest {

  @Test
  void printsTheFiguresTheTableAndTheVerification() {
    String text =
        print(
            RunReport.of(
                run(
                    20,
                    merged(true, ""),
                    ran("a", 0, 10, cost(0.01, 100, 20)),
                    ran("b", 10, 20, cost(0.02, 200, 40))),
                plan("a", "b<-a")));

    assertContains(text, "TASK ");
    assertContains(text, "feature/a");
    assertContains(text, "0123456");
    assertContains(text, "$0.0100");
    assertContains(
        text, "wall-clock 20.0s, sum of task times 20.0s, speedup 1.00x (sum / wall-clock)");
    assertContains(
        text, "critical path 20.0s (a -> b), efficiency 100% (critical path / wall-clock)");
    assertContains(
        text, "cost $0.0300, tokens in 300, out 60 (all 2 task(s) that ran reported them)");
    assertContains(
        text,
        "verification: checks on the merged result passed; 1 branch(es) merged, 0 conflicted;"
            + " target at fedcba98, pushed");
    assertContains(text, "done: all tasks completed and merged");
  }

  @Test
  void marksUnknownsAndShowsFailedChecksOutput() {
    String text =
        print(
            RunReport.of(
                run(
                    10,
                    merged(false, "FAILED test_total\nassert 3 == 4"),
                    ran("a", 0, 5, cost(0.01, 100, 20)),
                    ran("b", 0, 5, Usage.unknown())),
                null));

    assertContains(text, "critical path unknown");
    assertContains(text, "cost and tokens: unknown (1 of 2 task(s) that ran reported them)");
    assertContains(text, "unknown ");
    assertContains(text, "verification: checks on the merged result FAILED");
    assertContains(text, "  | assert 3 == 4");
    assertContains(text, "note: The run's plan could not be read");
  }

  @Test
  void showsATasksPullRequestInPlaceOfItsBranch() {
    String text =
        print(
            RunReport.of(
                run(5, null, Runs.withPullRequest("a", 0, 5, "https://github.com/o/r/pull/7")),
                plan("a")));
    assertContains(text, "https://github.com/o/r/pull/7");
  }

  @Test
  void givesTheTokensWhenEveryTaskReportedThemThoughTheCostIsUnknown() {
    String text =
        print(
            RunReport.of(
                run(10, null, ran("a", 0, 5, tokens(1000, 200)), ran("b", 0, 5, tokens(30, 4))),
                plan("a", "b")));
    assertContains(
        text,
        "tokens in 1030, out 204 (all 2 task(s) that ran reported them); cost unknown (0 of 2"
            + " reported it)");
  }

  @Test
  void aTaskWaitingOnARateLimitSaysSoInItsNote() {
    String why = "waiting: rate limit until 15:04 UTC (AgentRateLimited: API Error: 429)";
    String text = print(RunReport.of(run(0, null, waitingOnRateLimit("a", 1, why)), plan("a")));
    assertTrue(
        text.lines().anyMatch(l -> l.startsWith("a ") && l.contains("running") && l.endsWith(why)),
        text);
  }

  @Test
  void saysWhenNothingWasMerged() {
    String text = print(RunReport.of(run(10, null, ran("a", 0, 5, Usage.unknown())), plan("a")));
    assertContains(text, "verification: none (nothing was merged)");
  }

  @Test
  void longDurationsReadAsMinutesAndHours() {
    String text =
        print(RunReport.of(run(4000, null, ran("a", 0, 187, Usage.unknown())), plan("a")));
    assertContains(text, "wall-clock 1h06m, sum of task times 3m07s");
  }

  private static String print(RunReport report) {
    StringWriter out = new StringWriter();
    ReportText.print(report, new PrintWriter(out));
    return out.toString();
  }

  private static void assertContains(String text, String part) {
    assertTrue(text.contains(part), "expected «" + part + "» in:\n" + text);
  }
}
