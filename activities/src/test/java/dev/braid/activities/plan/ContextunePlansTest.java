package dev.braid.activities.plan;

import static dev.braid.plan.Priority.BLOCKER;
import static dev.braid.plan.Priority.HIGH;
import static dev.braid.plan.Priority.LOW;
import static dev.braid.plan.Priority.MEDIUM;
import static dev.braid.plan.TaskState.PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import dev.braid.plan.Priority;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads every real plan in {@code contextune-plans/} (copied from Contextune's repository, MIT
 * licence kept beside them) and pins down exactly what is read or exactly why it is rejected.
 */
class ContextunePlansTest {

  private static final Path PLANS = PlanFiles.contextunePlans();
  private static final List<String> NO_LABELS = List.of();

  private final PlanReader reader = new PlanReader();

  /**
   * The plan.yaml uses {@code metadata.title}, extra keys everywhere (phases, architecture, ...)
   * and lists eight task files of which only {@code tasks/task-1.md} exists.
   */
  @Test
  void decisionTrackingSystemIsRejectedForItsSevenMissingTaskFiles() {
    PlanReadResult result = reader.read(PLANS.resolve("decision-tracking-system"));

    assertFalse(result.ok());
    assertNull(result.plan());
    assertEquals(
        List.of(
            "plan.yaml: task 'task-2': file: tasks/task-2.md does not exist",
            "plan.yaml: task 'task-3': file: tasks/task-3.md does not exist",
            "plan.yaml: task 'task-4': file: tasks/task-4.md does not exist",
            "plan.yaml: task 'task-5': file: tasks/task-5.md does not exist",
            "plan.yaml: task 'task-6': file: tasks/task-6.md does not exist",
            "plan.yaml: task 'task-7': file: tasks/task-7.md does not exist",
            "plan.yaml: task 'task-8': file: tasks/task-8.md does not exist"),
        problems(result));
  }

  /**
   * {@code unified-tracking-plan.yaml} is not a directory's {@code plan.yaml}, so reading the
   * directory never sees it; given as a file it is an index whose tasks point at {@code .yaml}
   * files that do not exist.
   */
  @Test
  void unifiedTrackingPlanIsRejectedForItsYamlTaskFilesThatDoNotExist() {
    PlanReadResult result =
        reader.read(PLANS.resolve("decision-tracking-system/unified-tracking-plan.yaml"));

    assertNull(result.plan());
    assertEquals(
        List.of(
            "unified-tracking-plan.yaml: task 'task-0': file: tasks/task-0.yaml does not exist",
            "unified-tracking-plan.yaml: task 'task-1': file: tasks/task-1.yaml does not exist",
            "unified-tracking-plan.yaml: task 'task-2': file: tasks/task-2.yaml does not exist",
            "unified-tracking-plan.yaml: task 'task-3': file: tasks/task-3.yaml does not exist",
            "unified-tracking-plan.yaml: task 'task-4': file: tasks/task-4.yaml does not exist"),
        problems(result));
  }

  /** The plan.yaml uses {@code metadata.name} and task {@code name}s; frontmatter adds labels. */
  @Test
  void parallelPlanIsReadWithTitlesFromTheIndexAndStatusAndLabelsFromTheFiles() {
    Path dir = PLANS.resolve("decision-tracking-system/parallel-plan");

    PlanReadResult result = reader.read(dir);

    assertTrue(result.ok(), result::problemsText);
    Plan plan = result.plan();
    assertEquals("Unified Decision Tracking System", plan.name());
    assertEquals(dir.toAbsolutePath().normalize().toString(), plan.dir());
    assertEquals(
        List.of(
            task(
                "task-0",
                "Create decisions.yaml schema with features integration",
                BLOCKER,
                List.of(),
                labels("blocker")),
            task(
                "task-1",
                "Implement decision-sync.py for history auto-population",
                BLOCKER,
                List.of("task-0"),
                labels("blocker")),
            task(
                "task-2",
                "Implement decision-link.py for observability linking",
                HIGH,
                List.of("task-1"),
                labels("high")),
            task(
                "task-3",
                "Enhance SessionEnd to populate decisions.yaml",
                HIGH,
                List.of("task-0"),
                labels("high")),
            task(
                "task-4",
                "Implement selective context loading",
                MEDIUM,
                List.of("task-0", "task-1"),
                labels("medium"))),
        plan.tasks());
  }

  /**
   * No plan.yaml: the graph comes from the frontmatter, whose {@code name} beats the generated
   * heading "task-0: Untitled". The plan is named after its directory.
   */
  @Test
  void contextuneHtmlgraphIntegrationIsReadFromFrontmatterAlone() {
    PlanReadResult result =
        reader.read(PLANS.resolve("implementation-plan-contextune-htmlgraph-integrati"));

    assertTrue(result.ok(), result::problemsText);
    assertEquals("implementation-plan-contextune-htmlgraph-integrati", result.plan().name());
    assertEquals(
        List.of(
            task("task-0", "Create shared data models package", BLOCKER, List.of(), NO_LABELS),
            task("task-1", "Implement auto-tracking hook", HIGH, List.of("task-0"), NO_LABELS),
            task("task-2", "Create unified configuration", HIGH, List.of(), NO_LABELS),
            task(
                "task-3",
                "Add Contextune views to HtmlGraph dashboard",
                MEDIUM,
                List.of("task-1"),
                NO_LABELS),
            task(
                "task-4",
                "Update documentation for unified workflow",
                LOW,
                List.of("task-1", "task-2", "task-3"),
                NO_LABELS)),
        result.plan().tasks());
  }

  /** No plan.yaml, frontmatter with {@code title} and extra keys, tasks numbered from 1. */
  @Test
  void htmlgraphSessionAnalyticsIsReadFromFrontmatterAlone() {
    PlanReadResult result =
        reader.read(PLANS.resolve("implementation-plan-htmlgraph-session-analytics-da"));

    assertTrue(result.ok(), result::problemsText);
    assertEquals("implementation-plan-htmlgraph-session-analytics-da", result.plan().name());
    assertEquals(
        List.of(
            task("task-1", "Implement SessionAnalytics engine", HIGH, List.of(), NO_LABELS),
            task("task-2", "Add metrics calculation methods", HIGH, List.of("task-1"), NO_LABELS),
            task("task-3", "Create dashboard HTML renderer", MEDIUM, List.of("task-2"), NO_LABELS),
            task("task-4", "Add interactive charts", MEDIUM, List.of("task-3"), NO_LABELS),
            task("task-5", "Implement session comparison", LOW, List.of("task-4"), NO_LABELS)),
        result.plan().tasks());
  }

  @Test
  void theFolderOfAllPlansIsNotAPlan() {
    PlanReadResult result = reader.read(PLANS);

    assertEquals(
        List.of(PLANS.toAbsolutePath().normalize() + ": holds no plan.yaml and no tasks/*.md"),
        problems(result));
  }

  private static PlanTask task(
      String id, String title, Priority priority, List<String> dependencies, List<String> labels) {
    return new PlanTask(id, title, "tasks/" + id + ".md", priority, dependencies, PENDING, labels);
  }

  private static List<String> labels(String priority) {
    return List.of("parallel-execution", "auto-created", "priority-" + priority);
  }

  private static List<String> problems(PlanReadResult result) {
    return result.problems().stream().map(Object::toString).toList();
  }
}
