package dev.braid.plan;

import static dev.braid.plan.Priority.BLOCKER;
import static dev.braid.plan.Priority.HIGH;
import static dev.braid.plan.Priority.LOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanGraphRendererTest {

  private static PlanTask task(String id, Priority priority, String title, String... dependencies) {
    return new PlanTask(
        id,
        title,
        "tasks/" + id + ".md",
        priority,
        List.of(dependencies),
        TaskState.PENDING,
        List.of());
  }

  private static final Plan PLAN =
      new Plan(
          "Say \"hi\"",
          "/plans/hi",
          List.of(
              task("task-0", BLOCKER, "Create the schema"),
              task("task-1", HIGH, "Write the\nreader", "task-0"),
              task("task-10", LOW, "Docs", "task-0"),
              task("task-2", HIGH, "Link \\ things", "task-1")));

  @Test
  void textListsWavesWithIdPriorityAndTitleAndThenTheCriticalPath() {
    String expected =
        String.join(
            "\n",
            "Plan: Say \"hi\"",
            "4 tasks in 3 waves",
            "",
            "Wave 1",
            "  task-0   blocker  Create the schema",
            "",
            "Wave 2",
            "  task-1   high     Write the reader",
            "  task-10  low      Docs",
            "",
            "Wave 3",
            "  task-2   high     Link \\ things",
            "",
            "Critical path (3 tasks): task-0 -> task-1 -> task-2",
            "");

    assertEquals(expected, PlanGraphRenderer.text(PLAN, PlanGraph.of(PLAN)));
  }

  @Test
  void dotQuotesIdsAndEscapesLabelsAndMarksTheCriticalPath() {
    String expected =
        String.join(
            "\n",
            "digraph \"Say \\\"hi\\\"\" {",
            "  rankdir=LR;",
            "  node [shape=box, style=rounded];",
            "  \"task-0\" [label=\"task-0\\n[blocker] Create the schema\", color=red];",
            "  \"task-1\" [label=\"task-1\\n[high] Write the reader\", color=red];",
            "  \"task-10\" [label=\"task-10\\n[low] Docs\"];",
            "  \"task-2\" [label=\"task-2\\n[high] Link \\\\ things\", color=red];",
            "  \"task-0\" -> \"task-1\" [color=red, penwidth=2];",
            "  \"task-0\" -> \"task-10\";",
            "  \"task-1\" -> \"task-2\" [color=red, penwidth=2];",
            "}",
            "");

    assertEquals(expected, PlanGraphRenderer.dot(PLAN, PlanGraph.of(PLAN)));
  }
}
