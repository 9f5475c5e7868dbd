package dev.braid.workflow;

import dev.braid.plan.PlanTask;
import java.util.List;

/**
 * Where a task's pull request goes, and so where the task starts, in runs whose pull requests
 * deliver to the target. The rule, documented in docs/ARCHITECTURE.md:
 *
 * <ul>
 *   <li>no dependency: the task starts from the target, and its pull request targets it;
 *   <li>one dependency: the task starts from its dependency's branch, and its pull request is
 *       stacked on that branch, so it shows the task's own changes only;
 *   <li>several: the task starts from the run's integration branch, which holds all of them merged
 *       and checked together, and its pull request targets the target; until its dependencies reach
 *       the target, it also shows their changes (and those of any task merged before it started).
 * </ul>
 */
final class PullRequestBases {
  private PullRequestBases() {}

  /** The branch the task's worktree starts from. */
  static String start(PlanTask task, String target, String integrationBranch, boolean watch) {
    List<String> dependencies = task.dependencies();
    if (dependencies.isEmpty() || watch) {
      return target;
    }
    return dependencies.size() == 1
        ? BraidNames.taskBranch(dependencies.get(0))
        : integrationBranch;
  }

  /** The branch the task's pull request merges into. */
  static String base(PlanTask task, String target, boolean watch) {
    List<String> dependencies = task.dependencies();
    return dependencies.size() == 1 && !watch ? BraidNames.taskBranch(dependencies.get(0)) : target;
  }
}
