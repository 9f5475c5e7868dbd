package dev.braid.workflow;

import dev.braid.activity.CleanupActivities;
import dev.braid.activity.CleanupRequest;
import dev.braid.activity.CleanupResult;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * The end of a run, done or cancelled: removes clean worktrees and merged branches, keeps anything
 * that holds work the target lacks, and says what it did.
 */
final class RunCleanup {
  private RunCleanup() {}

  /** Runs the cleanup activity, archiving the plan when asked. */
  static CleanupResult run(RunRequest request, Plan plan, boolean archive) {
    String runId = Workflow.getInfo().getWorkflowId();
    // The date names the archive; it comes from workflow time, so a replay names it the same.
    String date =
        java.time.Instant.ofEpochMilli(Workflow.currentTimeMillis())
            .atZone(java.time.ZoneOffset.UTC)
            .toLocalDate()
            .toString();
    List<String> taskIds =
        plan == null ? List.of() : plan.tasks().stream().map(PlanTask::id).toList();
    return Workflow.newActivityStub(CleanupActivities.class, BraidActivityOptions.cleanup())
        .cleanup(
            new CleanupRequest(
                request.repo(),
                runId,
                request.planDir(),
                request.config().merge().target(),
                request.config().merge().remote(),
                taskIds,
                archive,
                date));
  }

  /** One line on what the cleanup removed and kept. */
  static String describe(CleanupResult cleanup) {
    StringBuilder sb =
        new StringBuilder("cleanup removed ")
            .append(cleanup.removedWorktrees().size())
            .append(" worktree(s), deleted ")
            .append(cleanup.deletedBranches().size())
            .append(" merged branch(es)");
    if (!cleanup.keptBranches().isEmpty()) {
      sb.append(", kept ").append(String.join("; ", cleanup.keptBranches()));
    }
    if (cleanup.archivedTo() != null) {
      sb.append(", archived the plan to ").append(cleanup.archivedTo());
    }
    return sb.toString();
  }
}
