package dev.braid.starter.cli;

import dev.braid.plan.Plan;
import dev.braid.starter.run.RunIds;
import dev.braid.starter.run.Workspace;
import picocli.CommandLine.Parameters;

/**
 * The optional {@code RUN} parameter of the commands that look at one run. Without it they take the
 * run of the plan in the workspace, whose id is derived from the repository, plan and name.
 */
public class RunArgument {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "RUN",
      description = "The run id (default: this plan's run).")
  String runId;

  /** The run named, else the run of {@code plan}, which the caller has already read. */
  String idOr(Workspace ws, Plan plan) {
    return runId != null ? runId : RunIds.forPlan(ws.repo(), ws.planDir(), plan.name());
  }

  /**
   * The run named, with no plan read: a named run needs none, so a missing or broken plan does not
   * stand in the way. Else the workspace's plan is read to name the run, and handed back for reuse.
   */
  ChosenRun choose(Workspace ws) {
    if (runId != null) {
      return new ChosenRun(runId, null);
    }
    Plan plan = PlanLoader.load(ws.planDir());
    return new ChosenRun(idOr(ws, plan), plan);
  }
}
