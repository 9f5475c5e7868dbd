package dev.braid.starter.report;

import static dev.braid.starter.report.Runs.cost;
import static dev.braid.starter.report.Runs.notRun;
import static dev.braid.starter.report.Runs.plan;
import static dev.braid.starter.report.Runs.ran;
import static dev.braid.starter.report.Runs.run;
import static dev.braid.starter.report.Runs.running;
import static dev.braid.starter.report.Runs.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.Usage;
import dev.braid.plan.PlanGraph;
import dev.braid.workflow.RunStatus;
import dev.braid.workflow.TaskPhase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's figures, from hand-made runs whose answers can be worked out on paper. */
class RunReportTest {
  private static final Usage NONE = Usage.unknown();

  @Test
  void speedupIsTheSumOfTaskTimesOverTheWallClock() {
    RunReport r =
        RunReport.of(
            run(20, null, ran("a", 0, 10, NONE), ran("b", 0, 12, NONE), ran("c", 10, 18, NONE)),
            plan("a", "b", "c<-a"));

    assertEquals(20_000L, r.wallClockMillis());
    assertEquals(30_000L, r.taskTimeSumMillis());
    assertEquals(1.5, r.speedup(), 1e-9);
  }

  @Test
  void theCriticalPathWeighsMeasuredDurationsNotTaskCounts() {
    // By task count the chain a -> b is longest; by measured time the lone task c is.
    var plan = plan("a", "b<-a", "c");
    RunReport r =
        RunReport.of(
            run(20, null, ran("a", 0, 2, NONE), ran("b", 2, 5, NONE), ran("c", 0, 16, NONE)), plan);

    assertEquals(List.of("a", "b"), PlanGraph.of(plan).criticalPath());
    assertEquals(new CriticalPath(List.of("c"), 16_000), r.criticalPath());
    assertEquals(0.8, r.efficiency(), 1e-9, "critical path / wall-clock");
  }

  @Test
  void theCriticalPathSumsAChainOfDependencies() {
    RunReport r =
        RunReport.of(
            run(
                25,
                null,
                ran("a", 0, 5, NONE),
                ran("b", 0, 4, NONE),
                ran("c", 5, 11, NONE),
                ran("d", 11, 20, NONE),
                ran("e", 0, 14, NONE)),
            plan("a", "b", "c<-a,b", "d<-c", "e"));

    assertEquals(new CriticalPath(List.of("a", "c", "d"), 20_000), r.criticalPath());
    assertEquals(0.8, r.efficiency(), 1e-9);
  }

  @Test
  void tasksThatDidNotRunAreLeftOutOfEveryFigure() {
    RunReport r =
        RunReport.of(
            run(
                10,
                null,
                notRun("done-before", TaskPhase.COMPLETED),
                ran("a", 0, 6, cost(0.5, 100, 10)),
                notRun("skipped", TaskPhase.SKIPPED)),
            plan("done-before", "a<-done-before", "skipped<-a"));

    assertEquals(6_000, r.taskTimeSumMillis());
    assertEquals(new CriticalPath(List.of("a"), 6_000), r.criticalPath());
    assertEquals(1, r.usage().tasksRan());
    assertTrue(r.usage().known(), "the tasks that did not run spent nothing to report");
    assertNull(r.tasks().get(0).durationMillis());
    assertNull(r.tasks().get(0).startOffsetMillis());
  }

  @Test
  void theTotalCostIsUnknownWhenOneTaskThatRanDidNotReportIt() {
    RunReport r =
        RunReport.of(
            run(10, null, ran("a", 0, 5, cost(0.25, 1000, 200)), ran("b", 0, 5, NONE)),
            plan("a", "b"));

    assertFalse(r.usage().known());
    assertNull(r.usage().total().costUsd());
    assertNull(r.usage().total().inputTokens());
    assertEquals(2, r.usage().tasksRan());
    assertEquals(1, r.usage().tasksReporting());
  }

  @Test
  void theTotalTokensAreKnownWhenEveryTaskReportedThemThoughNoneReportedACost() {
    RunReport r =
        RunReport.of(
            run(10, null, ran("a", 0, 5, tokens(1000, 200)), ran("b", 0, 5, tokens(30, 4))),
            plan("a", "b"));

    assertTrue(r.usage().tokensKnown());
    assertFalse(r.usage().costKnown());
    assertFalse(r.usage().known(), "known is both, and the cost is not");
    assertEquals(1030L, r.usage().total().inputTokens());
    assertEquals(204L, r.usage().total().outputTokens());
    assertNull(r.usage().total().costUsd());
    assertEquals(2, r.usage().tasksReportingTokens());
    assertEquals(0, r.usage().tasksReporting());
  }

  @Test
  void theTotalTokensAreUnknownWhenOneTaskThatRanDidNotReportThem() {
    RunReport r =
        RunReport.of(
            run(10, null, ran("a", 0, 5, tokens(1000, 200)), ran("b", 0, 5, NONE)), plan("a", "b"));

    assertFalse(r.usage().tokensKnown());
    assertNull(r.usage().total().inputTokens());
    assertEquals(1, r.usage().tasksReportingTokens());
  }

  @Test
  void theTotalCostIsTheExactSumWhenEveryTaskReportedIt() {
    RunReport r =
        RunReport.of(
            run(10, null, ran("a", 0, 5, cost(0.25, 1000, 200)), ran("b", 0, 5, cost(0.5, 30, 4))),
            plan("a", "b"));

    assertTrue(r.usage().known());
    assertEquals(0.75, r.usage().total().costUsd(), 1e-12);
    assertEquals(1030L, r.usage().total().inputTokens());
    assertEquals(204L, r.usage().total().outputTokens());
  }

  @Test
  void aRunThatHasNotEndedHasNoWallClockAndSaysWhy() {
    RunReport r =
        RunReport.of(run(0, null, ran("a", 0, 5, NONE), running("b", 1)), plan("a", "b<-a"));

    assertNull(r.wallClockMillis());
    assertNull(r.speedup());
    assertNull(r.efficiency());
    assertEquals(5_000, r.taskTimeSumMillis(), "only finished tasks are measured");
    assertEquals(new CriticalPath(List.of("a"), 5_000), r.criticalPath());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("has not ended")), r.notes().toString());
    assertTrue(
        r.notes().stream().anyMatch(n -> n.contains("not finished: b")), r.notes().toString());
  }

  @Test
  void withoutTheRunsPlanTheCriticalPathIsUnknownAndSaysWhy() {
    var status = run(10, null, ran("a", 0, 5, NONE));

    RunReport noPlan = RunReport.of(status, null);
    RunReport otherPlan = RunReport.of(status, plan("x", "y<-x"));

    assertNull(noPlan.criticalPath());
    assertNull(noPlan.efficiency());
    assertEquals(0.5, noPlan.speedup(), 1e-9, "the other figures need no plan");
    assertTrue(noPlan.notes().stream().anyMatch(n -> n.contains("could not be read")));
    assertNull(otherPlan.criticalPath());
    assertTrue(
        otherPlan.notes().stream().anyMatch(n -> n.contains("does not hold the run's tasks")));
  }

  @Test
  void perTaskFiguresComeFromTheTasksOwnTimestamps() {
    RunReport r = RunReport.of(run(10, null, ran("a", 1.5, 4, NONE)), plan("a"));

    TaskReport a = r.tasks().get(0);
    assertEquals(1_500L, a.startOffsetMillis());
    assertEquals(2_500L, a.durationMillis());
    assertEquals(List.of("fast"), a.tiers());
    assertEquals("feature/a", a.branch());
  }

  @Test
  void theBudgetLineSaysWhatTheRunAndEachTaskSpentAndNamesTheUnknown() {
    RunStatus base = run(20, null, ran("a", 0, 10, cost(1.25, 10L, 5L)), ran("b", 0, 12, NONE));
    RunStatus withBudget =
        new RunStatus(
            base.runId(),
            base.planName(),
            base.phase(),
            base.tasks(),
            base.merge(),
            base.startedAtMillis(),
            base.finishedAtMillis(),
            base.message(),
            new dev.braid.config.BudgetSettings(2.0, 20.0));

    RunReport r = RunReport.of(withBudget, plan("a", "b"));

    assertTrue(
        r.notes()
            .contains(
                "Budget: the run spent $1.25 of $20.00 per run; each task may spend $2.00"
                    + " (a $1.25, b unknown)."),
        r.notes().toString());
    assertTrue(
        RunReport.of(base, plan("a", "b")).notes().stream().noneMatch(n -> n.startsWith("Budget")),
        "no budget, no line");
  }
}
