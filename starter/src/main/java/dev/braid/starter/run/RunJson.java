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
    ObjectNode root = MAPPER.createObjectNode();
    root.put("runId", run.runId());
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
      if (t.blocker() != null) {
        ObjectNode blocker = task.putObject("blocker");
        blocker.put("kind", t.blocker().kind().label());
        blocker.put("log", t.blocker().log());
        ArrayNode decisions = blocker.putArray("decisions");
        t.blocker().decisions().forEach(d -> decisions.add(d.label()));
      }
      task.put("startedAtMillis", t.startedAtMillis());
      task.put("finishedAtMillis", t.finishedAtMillis());
      task.set("usage", MAPPER.valueToTree(t.usage()));
    }
    root.set("merge", MAPPER.valueToTree(run.merge()));
    try {
      return MAPPER.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serializes", e);
    }
  }
}
