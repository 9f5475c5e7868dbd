package dev.braid.starter.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.braid.activity.MergeResult;
import dev.braid.activity.TierUsage;
import dev.braid.activity.Usage;

/**
 * The report as one JSON document for scripts (a contract). Keys shared with {@code status --json}
 * keep its names; a figure that was not measured is null, never a guess.
 */
public final class ReportJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  public static String of(RunReport r) {
    return of(r, null);
  }

  /** The report of one Temporal run of the run; the run id is left out when null. */
  public static String of(RunReport r, String temporalRunId) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("runId", r.runId());
    if (temporalRunId != null) {
      root.put("temporalRunId", temporalRunId);
    }
    root.put("plan", r.planName());
    root.put("status", r.phase().label());
    root.put("message", r.message());
    root.put("startedAtMillis", r.startedAtMillis());
    root.put("finishedAtMillis", r.finishedAtMillis());
    root.put("wallClockMillis", r.wallClockMillis());
    root.put("taskTimeSumMillis", r.taskTimeSumMillis());
    root.put("speedup", r.speedup());
    if (r.criticalPath() == null) {
      root.putNull("criticalPath");
    } else {
      ObjectNode path = root.putObject("criticalPath");
      path.put("millis", r.criticalPath().millis());
      path.set("tasks", MAPPER.valueToTree(r.criticalPath().tasks()));
    }
    root.put("efficiency", r.efficiency());
    ObjectNode usage = usage(root.putObject("usage"), r.usage().total());
    // known: both; costKnown and tokensKnown apart, since an agent may report tokens and no cost.
    usage.put("known", r.usage().known());
    usage.put("costKnown", r.usage().costKnown());
    usage.put("tokensKnown", r.usage().tokensKnown());
    usage.put("tasksRan", r.usage().tasksRan());
    usage.put("tasksReporting", r.usage().tasksReporting());
    usage.put("tasksReportingTokens", r.usage().tasksReportingTokens());
    ArrayNode tiers = root.putArray("tiers");
    for (TierTotal t : r.tiers()) {
      ObjectNode tier = usage(tiers.addObject().put("tier", t.tier()), t.usage().total());
      tier.put("attempts", t.attempts());
      tier.put("costKnown", t.usage().costKnown());
      tier.put("tokensKnown", t.usage().tokensKnown());
      tier.put("tasksRan", t.usage().tasksRan());
      tier.put("tasksReporting", t.usage().tasksReporting());
      tier.put("tasksReportingTokens", t.usage().tasksReportingTokens());
    }
    verification(root, r.merge());
    ArrayNode tasks = root.putArray("tasks");
    for (TaskReport t : r.tasks()) {
      ObjectNode task = tasks.addObject();
      task.put("id", t.id());
      task.put("title", t.title());
      task.put("status", t.phase().label());
      task.put("attempts", t.attempts());
      task.set("tiers", MAPPER.valueToTree(t.tiers()));
      task.put("branch", t.branch());
      task.put("pullRequest", t.pullRequest());
      task.put("headCommit", t.headCommit());
      task.put("reason", t.reason());
      task.put("startedAtMillis", t.startedAtMillis());
      task.put("finishedAtMillis", t.finishedAtMillis());
      task.put("startOffsetMillis", t.startOffsetMillis());
      task.put("durationMillis", t.durationMillis());
      usage(task.putObject("usage"), t.usage()).put("sessionId", t.usage().sessionId());
      if (t.usageByTier() == null) {
        task.putNull("usageByTier");
      } else {
        ArrayNode split = task.putArray("usageByTier");
        for (TierUsage u : t.usageByTier()) {
          usage(split.addObject().put("tier", u.tier()).put("attempts", u.attempts()), u.usage());
        }
      }
    }
    root.set("notes", MAPPER.valueToTree(r.notes()));
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serializes", e);
    }
  }

  private static ObjectNode usage(ObjectNode node, Usage u) {
    node.put("costUsd", u.costUsd());
    node.put("inputTokens", u.inputTokens());
    node.put("outputTokens", u.outputTokens());
    node.put("turns", u.turns());
    return node;
  }

  private static void verification(ObjectNode root, MergeResult merge) {
    if (merge == null) {
      root.putNull("verification");
      return;
    }
    ObjectNode v = root.putObject("verification");
    v.put("checksPassed", merge.checksPassed());
    v.put("checksOutput", merge.checksOutput());
    v.set("merged", MAPPER.valueToTree(merge.merged()));
    v.set("conflicted", MAPPER.valueToTree(merge.conflicted()));
    v.put("targetHead", merge.targetHead());
    v.put("pushed", merge.pushed());
  }
}
