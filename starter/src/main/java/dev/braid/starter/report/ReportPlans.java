package dev.braid.starter.report;

import dev.braid.activities.plan.PlanReadResult;
import dev.braid.activities.plan.PlanReader;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import dev.braid.workflow.RunStatus;
import dev.braid.workflow.TaskStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the plan of a run, for the dependencies its critical path follows. The run's status does
 * not carry the plan's directory, so the report looks where the command was pointed and then at the
 * default, and takes the first readable plan that holds every task of the run. A report is still
 * written without one, with the critical path marked unknown.
 */
public final class ReportPlans {
  private ReportPlans() {}

  /**
   * @param repo the repository
   * @param planDir the plan directory the command was given, or null
   * @param run the run whose plan is wanted
   */
  public static Optional<Plan> find(Path repo, Path planDir, RunStatus run) {
    Set<Path> candidates = new LinkedHashSet<>();
    if (planDir != null) {
      candidates.add(planDir.toAbsolutePath().normalize());
    }
    candidates.add(repo.resolve(".parallel").resolve("plans").toAbsolutePath().normalize());
    Set<String> runIds = run.tasks().stream().map(TaskStatus::id).collect(Collectors.toSet());
    for (Path dir : candidates) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      PlanReadResult read = new PlanReader().read(dir);
      if (read.ok()
          && read.plan().tasks().stream()
              .map(PlanTask::id)
              .collect(Collectors.toSet())
              .containsAll(runIds)) {
        return Optional.of(read.plan());
      }
    }
    return Optional.empty();
  }
}
