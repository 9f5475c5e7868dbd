package dev.braid.activities.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.plan.FileOverlap;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import dev.braid.plan.Priority;
import dev.braid.plan.TaskState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which tasks that may run together declare the same files. */
class PlanOverlapsTest {

  @Test
  void theRealParallelPlanHasTwoPairsThatMayWriteDecisionsYamlTogether() {
    PlanReadResult read =
        new PlanReader()
            .read(PlanFiles.contextunePlans().resolve("decision-tracking-system/parallel-plan"));
    assertTrue(read.ok(), read::problemsText);

    PlanOverlaps overlaps = PlanOverlaps.of(read.plan());

    // task-1 -> task-2 and task-0 -> task-3: task-3 runs beside both; task-4 only reads the file.
    assertEquals(
        List.of(
            new FileOverlap("task-1", "task-3", List.of("decisions.yaml")),
            new FileOverlap("task-2", "task-3", List.of("decisions.yaml"))),
        overlaps.overlaps());
    assertEquals(List.of(), overlaps.undeclared());
  }

  @Test
  void tasksThatDependOnEachOtherEvenThroughOthersNeverOverlap() {
    Plan plan = plan(task("a"), task("b", "a"), task("c", "b"));
    Map<String, DeclaredFiles> files =
        Map.of("a", declares("x.ts"), "b", declares("x.ts"), "c", declares("x.ts"));

    assertEquals(List.of(), PlanOverlaps.of(plan, files).overlaps());
  }

  @Test
  void aGlobMatchingTheOthersPathOrTheSameGlobIsAnOverlap() {
    Plan plan = plan(task("a"), task("b"), task("c"));
    Map<String, DeclaredFiles> files =
        Map.of(
            "a", declares("src/**/*.ts", "docs/*.md"),
            "b", declares("src/ui/app.ts", "README.md"),
            "c", declares("docs/*.md", "docs/**"));

    assertEquals(
        List.of(
            new FileOverlap("a", "b", List.of("src/ui/app.ts (src/**/*.ts)")),
            new FileOverlap("a", "c", List.of("docs/*.md"))),
        PlanOverlaps.of(plan, files).overlaps());
  }

  @Test
  void aDoubleStarAlsoStandsForNoFolderAtAll() {
    Plan plan = plan(task("a"), task("b"));
    Map<String, DeclaredFiles> files =
        Map.of("a", declares("src/**/*.ts"), "b", declares("src/main.ts", "lib/x.ts"));

    assertEquals(
        List.of(new FileOverlap("a", "b", List.of("src/main.ts (src/**/*.ts)"))),
        PlanOverlaps.of(plan, files).overlaps());
  }

  @Test
  void tasksThatDeclareNothingAreUnknownNotGuessed() {
    Plan plan = plan(task("a"), task("b"));

    PlanOverlaps overlaps = PlanOverlaps.of(plan, Map.of("a", declares("x.ts")));

    assertEquals(List.of(), overlaps.overlaps());
    assertEquals(List.of("b"), overlaps.undeclared());
  }

  private static DeclaredFiles declares(String... paths) {
    return new DeclaredFiles(true, List.of(paths));
  }

  private static PlanTask task(String id, String... dependencies) {
    return new PlanTask(
        id,
        id,
        "tasks/" + id + ".md",
        Priority.MEDIUM,
        Arrays.asList(dependencies),
        TaskState.PENDING,
        List.of());
  }

  private static Plan plan(PlanTask... tasks) {
    return new Plan("p", "/tmp/p", List.of(tasks));
  }
}
