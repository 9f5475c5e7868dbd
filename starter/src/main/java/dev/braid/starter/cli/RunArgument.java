package dev.braid.starter.cli;

import dev.braid.plan.Plan;
import dev.braid.starter.run.RunIds;
import dev.braid.starter.run.RunRef;
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
      paramLabel = "RUN[:RUNID]",
      description =
          "The run id (default: this plan's run), optionally with one Temporal run of it"
              + " (default: the newest).")
  String runId;

  /** The run named, else the run of {@code plan}, which the caller has already read. */
  String idOr(Workspace ws, Plan plan) {
    return runId != null
        ? RunRef.parse(runId).workflowId()
        : RunIds.forPlan(ws.repo(), ws.planDir(), plan.name());
  }

  /** The run named, or null. */
  RunRef ref() {
    return runId == null ? null : RunRef.parse(runId);
  }

  /** Whether the user named a run, so the workspace's plan need not be read. */
  boolean named() {
    return runId != null;
  }

  /**
   * The run named, with no plan read: a named run needs none, so a missing or broken plan does not
   * stand in the way. Else the workspace's plan is read to name the run, and handed back for reuse.
   */
  ChosenRun choose(Workspace ws) {
    if (runId != null) {
      return new ChosenRun(RunRef.parse(runId), null);
    }
    Plan plan = PlanLoader.load(ws.planDir());
    return new ChosenRun(RunRef.latest(idOr(ws, plan)), plan);
  }
}
