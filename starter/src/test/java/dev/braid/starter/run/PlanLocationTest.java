package dev.braid.starter.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.starter.cli.UsageError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanLocationTest {
  @TempDir Path repo;

  private Path planYaml(String dir) throws Exception {
    Path file = repo.resolve(dir).resolve("plan.yaml");
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "tasks: []\n");
  }

  @Test
  void withoutFlagContextunesActivePlanIsFound() throws Exception {
    planYaml(".parallel/plans/active");
    assertEquals(repo.resolve(".parallel/plans/active"), PlanLocation.resolve(repo, null));
  }

  @Test
  void aPlanDirectlyInParallelPlansComesFirst() throws Exception {
    planYaml(".parallel/plans/active");
    planYaml(".parallel/plans");
    assertEquals(repo.resolve(".parallel/plans"), PlanLocation.resolve(repo, null));
  }

  @Test
  void aTasksOnlyPlanInParallelPlansIsKept() throws Exception {
    Files.createDirectories(repo.resolve(".parallel/plans/tasks"));
    planYaml(".parallel/plans/active");
    assertEquals(repo.resolve(".parallel/plans"), PlanLocation.resolve(repo, null));
  }

  @Test
  void theFlagTakesAPlanYamlOrItsDirectory() throws Exception {
    Path file = planYaml("elsewhere/my-plan");
    assertEquals(file.getParent(), PlanLocation.resolve(repo, file));
    assertEquals(file.getParent(), PlanLocation.resolve(repo, file.getParent()));
  }

  @Test
  void anotherFileOrNothingIsAUsageErrorNamingBothDefaults() throws Exception {
    Path other = Files.writeString(repo.resolve("notes.md"), "x");
    UsageError e = assertThrows(UsageError.class, () -> PlanLocation.resolve(repo, other));
    assertEquals(
        "--plan: " + other + " is neither a plan directory nor a plan.yaml", e.getMessage());
    UsageError none = assertThrows(UsageError.class, () -> PlanLocation.resolve(repo, null));
    assertTrue(none.getMessage().contains(".parallel/plans/active"), none.getMessage());
  }
}
