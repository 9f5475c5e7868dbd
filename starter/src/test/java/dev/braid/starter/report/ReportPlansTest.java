package dev.braid.starter.report;

import static dev.braid.starter.report.Runs.ran;
import static dev.braid.starter.report.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.Usage;
import dev.braid.plan.Plan;
import dev.braid.workflow.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the plan a run came from, for its dependencies. */
class ReportPlansTest {
  @TempDir Path repo;

  private final RunStatus run = run(10, null, ran("a", 0, 5, Usage.unknown()));

  @Test
  void takesTheGivenPlanWhenItHoldsTheRunsTasks() throws IOException {
    Path given = writePlan(repo.resolve("plans/custom"), "a");
    writePlan(repo.resolve(".parallel/plans"), "a");

    Optional<Plan> plan = ReportPlans.find(repo, given, run);

    assertEquals(given.toString(), plan.orElseThrow().dir());
  }

  @Test
  void fallsBackToTheDefaultPlanWhenTheGivenOneIsAnotherPlans() throws IOException {
    Path other = writePlan(repo.resolve("plans/other"), "x");
    Path standard = writePlan(repo.resolve(".parallel/plans"), "a");

    assertEquals(standard.toString(), ReportPlans.find(repo, other, run).orElseThrow().dir());
    assertEquals(standard.toString(), ReportPlans.find(repo, null, run).orElseThrow().dir());
  }

  @Test
  void findsNothingWhenNoPlanHoldsTheRunsTasks() throws IOException {
    writePlan(repo.resolve(".parallel/plans"), "x");
    assertTrue(ReportPlans.find(repo, null, run).isEmpty());
  }

  private static Path writePlan(Path dir, String taskId) throws IOException {
    Files.createDirectories(dir.resolve("tasks"));
    Files.writeString(
        dir.resolve("plan.yaml"),
        "metadata: {name: demo}\n"
            + "tasks:\n"
            + "  - {id: "
            + taskId
            + ", name: Task, file: tasks/"
            + taskId
            + ".md, priority: high, dependencies: []}\n");
    Files.writeString(
        dir.resolve("tasks/" + taskId + ".md"),
        "---\nid: " + taskId + "\npriority: high\nstatus: pending\n---\n\n# Task\n");
    return dir.toAbsolutePath().normalize();
  }
}
