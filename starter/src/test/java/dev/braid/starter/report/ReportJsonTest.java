package dev.braid.starter.report;

import static dev.braid.starter.report.Runs.cost;
import static dev.braid.starter.report.Runs.merged;
import static dev.braid.starter.report.Runs.plan;
import static dev.braid.starter.report.Runs.ran;
import static dev.braid.starter.report.Runs.run;
import static dev.braid.starter.report.Runs.running;
import static dev.braid.starter.report.Runs.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.braid.activity.Usage;
import org.junit.jupiter.api.Test;

/** The JSON report's shape, which scripts rely on: raw measured numbers, null for unknown. */
class ReportJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void carriesEveryFigureAsRawNumbers() throws Exception {
    JsonNode json =
        MAPPER.readTree(
            ReportJson.of(
                RunReport.of(
                    run(
                        20,
                        merged(false, "tail"),
                        ran("a", 0, 10, cost(0.25, 1000, 200)),
                        ran("b", 10, 16, cost(0.5, 30, 4))),
                    plan("a", "b<-a"))));

    assertEquals("braid-demo-0123abcd", json.get("runId").asText());
    assertEquals("done", json.get("status").asText());
    assertEquals(20_000, json.get("wallClockMillis").asLong());
    assertEquals(16_000, json.get("taskTimeSumMillis").asLong());
    assertEquals(0.8, json.get("speedup").asDouble(), 1e-9);
    assertEquals(16_000, json.get("criticalPath").get("millis").asLong());
    assertEquals("[\"a\",\"b\"]", json.get("criticalPath").get("tasks").toString());
    assertEquals(0.8, json.get("efficiency").asDouble(), 1e-9);
    assertTrue(json.get("usage").get("known").asBoolean());
    assertEquals(0.75, json.get("usage").get("costUsd").asDouble(), 1e-12);
    assertEquals(1030, json.get("usage").get("inputTokens").asLong());
    assertFalse(json.get("verification").get("checksPassed").asBoolean());
    assertEquals("tail", json.get("verification").get("checksOutput").asText());
    JsonNode a = json.get("tasks").get(0);
    assertEquals("a", a.get("id").asText());
    assertEquals("completed", a.get("status").asText());
    assertEquals(1, a.get("attempts").asInt());
    assertEquals("[\"fast\"]", a.get("tiers").toString());
    assertEquals("feature/a", a.get("branch").asText());
    assertTrue(a.get("headCommit").asText().startsWith("0123456789abcdef"));
    assertEquals(10_000, a.get("durationMillis").asLong());
    assertEquals(0, a.get("startOffsetMillis").asLong());
    assertEquals(0.25, a.get("usage").get("costUsd").asDouble(), 1e-12);
    assertEquals("session", a.get("usage").get("sessionId").asText());
  }

  @Test
  void unknownFiguresAreNullAndTheNotesSayWhy() throws Exception {
    JsonNode json =
        MAPPER.readTree(
            ReportJson.of(
                RunReport.of(
                    run(0, null, ran("a", 0, 5, cost(0.25, 1000, 200)), running("b", 1)),
                    plan("a", "b"))));

    assertTrue(json.get("wallClockMillis").isNull());
    assertTrue(json.get("speedup").isNull());
    assertTrue(json.get("efficiency").isNull());
    assertTrue(json.get("verification").isNull());
    assertFalse(json.get("usage").get("known").asBoolean());
    assertTrue(json.get("usage").get("costUsd").isNull());
    assertEquals(2, json.get("usage").get("tasksRan").asInt());
    assertEquals(1, json.get("usage").get("tasksReporting").asInt());
    assertTrue(json.get("tasks").get(1).get("durationMillis").isNull());
    assertTrue(json.get("notes").size() >= 2, json.get("notes").toString());
  }

  @Test
  void tokensAndCostAreKnownApart() throws Exception {
    JsonNode usage =
        MAPPER
            .readTree(
                ReportJson.of(
                    RunReport.of(
                        run(
                            10,
                            null,
                            ran("a", 0, 5, tokens(1000, 200)),
                            ran("b", 0, 5, tokens(30, 4))),
                        plan("a", "b"))))
            .get("usage");

    assertTrue(usage.get("tokensKnown").asBoolean(), usage.toString());
    assertFalse(usage.get("costKnown").asBoolean(), usage.toString());
    assertFalse(usage.get("known").asBoolean(), "known is both: " + usage);
    assertEquals(1030, usage.get("inputTokens").asLong());
    assertEquals(204, usage.get("outputTokens").asLong());
    assertTrue(usage.get("costUsd").isNull());
    assertEquals(2, usage.get("tasksReportingTokens").asInt());
    assertEquals(0, usage.get("tasksReporting").asInt());
  }

  @Test
  void aTaskThatReportedNothingHasNullUsageFields() throws Exception {
    JsonNode json =
        MAPPER.readTree(
            ReportJson.of(RunReport.of(run(5, null, ran("a", 0, 5, Usage.unknown())), plan("a"))));
    assertTrue(json.get("tasks").get(0).get("usage").get("costUsd").isNull());
    assertTrue(json.get("tasks").get(0).get("pullRequest").isNull());
  }

  @Test
  void aTasksPullRequestIsGivenBesideItsBranch() throws Exception {
    JsonNode json =
        MAPPER.readTree(
            ReportJson.of(
                RunReport.of(
                    run(5, null, Runs.withPullRequest("a", 0, 5, "https://github.com/o/r/pull/7")),
                    plan("a"))));
    JsonNode a = json.get("tasks").get(0);
    assertEquals("feature/a", a.get("branch").asText());
    assertEquals("https://github.com/o/r/pull/7", a.get("pullRequest").asText());
  }
}
