package dev.braid.starter.report;

import static dev.braid.starter.report.Runs.T0;
import static dev.braid.starter.report.Runs.cost;
import static dev.braid.starter.report.Runs.ran;
import static dev.braid.starter.report.Runs.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.braid.activity.TierUsage;
import dev.braid.activity.Usage;
import dev.braid.workflow.TaskPhase;
import dev.braid.workflow.TaskStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's spend per tier: per task where it is measured, and per tier over the run. */
class TierSpendReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A task that escalated: its attempts ran on the tiers given, in order. */
  private static TaskStatus escalated(String id, int attempts, Usage usage, String... tiers) {
    return new TaskStatus(
        id,
        id,
        TaskPhase.COMPLETED,
        attempts,
        tiers[tiers.length - 1],
        "feature/" + id,
        "0123456789abcdef",
        null,
        T0 + 1000,
        T0 + 5000,
        List.of(tiers),
        usage,
        null);
  }

  private static final List<TierUsage> B_SPLIT =
      List.of(
          new TierUsage("fast", 2, cost(0.02, 200, 20)),
          new TierUsage("strong", 1, cost(0.05, 500, 50)));

  private static RunReport report() {
    return RunReport.of(
        Runs.run(
            10,
            null,
            ran("a", 0, 4, cost(0.01, 100, 10)),
            escalated("b", 3, new Usage(0.07, 700L, 70L, 6, null), "fast", "strong"),
            escalated("c", 2, cost(0.04, 400, 40), "fast", "strong")),
        null,
        // c's recorded split does not add up to its spend (a later round's), so it is not used.
        Map.of("b", B_SPLIT, "c", List.of(new TierUsage("fast", 1, cost(0.01, 100, 10)))));
  }

  @Test
  void aTaskOnOneTierSpentEverythingThereAndARecordedSplitIsUsedWhenItAddsUp() {
    RunReport r = report();
    assertEquals(
        List.of(new TierUsage("fast", 1, cost(0.01, 100, 10))), r.tasks().get(0).usageByTier());
    assertEquals(B_SPLIT, r.tasks().get(1).usageByTier());
    assertNull(r.tasks().get(2).usageByTier());
    assertTrue(
        r.notes().stream()
            .anyMatch(n -> n.startsWith("The spend per tier is unknown for the tiers of c")),
        r.notes().toString());
  }

  @Test
  void aTaskWhoseAgentsReportedNothingGetsNoNoteAboutItsTiers() {
    RunReport r =
        RunReport.of(
            Runs.run(10, null, escalated("d", 3, Usage.unknown(), "fast", "strong")),
            null,
            Map.of());
    assertTrue(
        r.notes().stream().noneMatch(n -> n.startsWith("The spend per tier is unknown")),
        r.notes().toString());
  }

  @Test
  void eachTiersTotalIsKnownOnlyWhenEveryTaskThatRanItIsKnown() {
    RunReport r = report();
    assertEquals(List.of("fast", "strong"), r.tiers().stream().map(TierTotal::tier).toList());
    TierTotal fast = r.tiers().get(0);
    assertEquals(3, fast.usage().tasksRan());
    assertEquals(2, fast.usage().tasksReporting());
    assertTrue(!fast.usage().costKnown());
    assertNull(fast.attempts());

    RunReport known =
        RunReport.of(
            Runs.run(
                10,
                null,
                ran("a", 0, 4, cost(0.01, 100, 10)),
                escalated("b", 3, new Usage(0.07, 700L, 70L, 6, null), "fast", "strong")),
            null,
            Map.of("b", B_SPLIT));
    TierTotal knownFast = known.tiers().get(0);
    assertEquals(0.03, knownFast.usage().total().costUsd(), 1e-9);
    assertEquals(300L, knownFast.usage().total().inputTokens());
    assertEquals(3, knownFast.attempts());
    assertEquals(0.05, known.tiers().get(1).usage().total().costUsd(), 1e-9);
  }

  @Test
  void markdownJsonAndTextShowTheSpendPerTier() throws Exception {
    RunReport r = report();
    String md = ReportMarkdown.of(r);
    assertTrue(md.contains("## Spend per tier"), md);
    assertTrue(
        md.contains(
            "| fast | 3 | unknown | unknown (2 of 3 tasks reported it) | unknown (2 of 3 tasks"
                + " reported them) |"),
        md);

    JsonNode json = JSON.readTree(ReportJson.of(r));
    JsonNode strong = json.get("tiers").get(1);
    assertEquals("strong", strong.get("tier").asText());
    assertEquals(2, strong.get("tasksRan").asInt());
    assertTrue(strong.get("costUsd").isNull(), strong.toString());
    JsonNode b = json.get("tasks").get(1).get("usageByTier");
    assertEquals("strong", b.get(1).get("tier").asText());
    assertEquals(0.05, b.get(1).get("costUsd").asDouble(), 1e-9);
    assertEquals(1, b.get(1).get("attempts").asInt());
    assertTrue(json.get("tasks").get(2).get("usageByTier").isNull());

    StringWriter text = new StringWriter();
    ReportText.print(r, new PrintWriter(text));
    assertTrue(
        text.toString().contains("spend per tier: fast (3 tasks) cost unknown (2 of 3 tasks"),
        text.toString());
  }

  @Test
  void codexTiersHaveTheirTokensAndNoCost() {
    RunReport r = RunReport.of(Runs.run(10, null, ran("a", 0, 4, tokens(2000, 200))), null);
    TierTotal fast = r.tiers().get(0);
    assertTrue(fast.usage().tokensKnown());
    assertTrue(!fast.usage().costKnown());
    assertEquals("2000 / 200", TierLines.tokens(fast.usage()));
    assertEquals("unknown (0 of 1 task reported it)", TierLines.cost(fast.usage()));
  }
}
