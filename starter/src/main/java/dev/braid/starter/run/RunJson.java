package dev.braid.starter.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.braid.workflow.RunStatus;
import dev.braid.workflow.TaskStatus;

/** The one JSON document {@code --json} prints, shaped for scripts (a contract). */
public final class RunJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunJson() {}

  public static String of(RunStatus run, String webUiUrl) {
    return write(node(run, webUiUrl, null));
  }

  /** The document of one Temporal run of the run. */
  public static String of(RunStatus run, String webUiUrl, String temporalRunId) {
    return write(node(run, webUiUrl, temporalRunId));
  }

  /** The document as a tree, for callers that add to it; the Temporal run id may be null. */
  public static ObjectNode node(RunStatus run, String webUiUrl, String temporalRunId) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("runId", run.runId());
    if (temporalRunId != null) {
      root.put("temporalRunId", temporalRunId);
    }
    root.put("plan", run.planName());
    root.put("status", run.phase().label());
    root.put("message", run.message());
    root.put("webUi", webUiUrl);
    root.put("startedAtMillis", run.startedAtMillis());
    root.put("finishedAtMillis", run.finishedAtMillis());
    ArrayNode tasks = root.putArray("tasks");
    for (TaskStatus t : run.tasks()) {
      ObjectNode task = tasks.addObject();
      task.put("id", t.id());
      task.put("title", t.title());
      task.put("status", t.phase().label());
      task.put("attempts", t.attempts());
      task.put("tier", t.tier());
      task.set("tiers", MAPPER.valueToTree(t.tiers()));
      task.put("branch", t.branch());
      task.put("headCommit", t.headCommit());
      task.put("pullRequest", t.pullRequest());
      task.put("reason", t.reason());
      task.set("blocker", t.blocker() == null ? null : MAPPER.valueToTree(t.blocker()));
      task.put("startedAtMillis", t.startedAtMillis());
      task.put("finishedAtMillis", t.finishedAtMillis());
      task.set("usage", MAPPER.valueToTree(t.usage()));
    }
    root.set("merge", MAPPER.valueToTree(run.merge()));
    return root;
  }

  /** A tree of plain values as the indented document scripts read. */
  public static String write(ObjectNode root) {
    try {
      return MAPPER.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serializes", e);
    }
  }
}
