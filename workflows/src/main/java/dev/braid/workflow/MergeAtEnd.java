package dev.braid.workflow;

import dev.braid.activity.GitActivities;
import dev.braid.activity.MergeRequest;
import dev.braid.activity.MergeResult;
import dev.braid.config.BraidConfig;
import dev.braid.config.MergeMode;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanGraph;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * The integration of runs recorded before the merge queue: tasks start from the target, and every
 * completed branch is merged at the end, in dependency order. Kept for replay.
 */
final class MergeAtEnd implements Integration {
  private final String runId;
  private final RunRequest request;
  private final Plan plan;
  private final RunBoard board;
  private final GitActivities git;

  MergeAtEnd(String runId, RunRequest request, Plan plan, RunBoard board, GitActivities git) {
    this.runId = runId;
    this.request = request;
    this.plan = plan;
    this.board = board;
    this.git = git;
  }

  @Override
  public String baseBranch() {
    return null;
  }

  @Override
  public void offer(TaskOutcome outcome) {
    board.finish(outcome, Workflow.currentTimeMillis());
  }

  @Override
  public void startNext() {}

  @Override
  public boolean active() {
    return false;
  }

  @Override
  public List<TaskOutcome> integratedTasks() {
    return List.of();
  }

  @Override
  public MergeResult finish(Runnable merging) {
    BraidConfig config = request.config();
    List<String> branchesInOrder =
        board.completedThisRun(PlanGraph.of(plan).order()).stream()
            .map(BraidNames::taskBranch)
            .toList();
    if (config.merge().mode() == MergeMode.NONE || branchesInOrder.isEmpty()) {
      return null;
    }
    merging.run();
    MergeResult merge =
        git.merge(
            new MergeRequest(
                runId,
                request.repo(),
                config.merge().target(),
                branchesInOrder,
                config.setup(),
                config.checks(),
                config.merge().remote()));
    long now = Workflow.currentTimeMillis();
    for (String branch : merge.conflicted()) {
      String taskId = branch.substring(branch.indexOf('/') + 1);
      board.blockByMerge(taskId, "merge conflict with " + config.merge().target(), now);
    }
    return merge;
  }
}
