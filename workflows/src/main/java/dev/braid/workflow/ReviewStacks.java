package dev.braid.workflow;

import dev.braid.config.MergeMode;
import dev.braid.plan.PlanTask;
import java.util.List;
import java.util.function.Function;

/**
 * Stacked pull requests under {@code github.watch}: a task with one dependency need not wait for a
 * human to merge that dependency's pull request. It starts as soon as that pull request waits for
 * its checks, reviews and merge (the dependency's work passed its checks and is pushed), from the
 * dependency's branch, and its own pull request is stacked on that branch; once the dependency's
 * merges, the task's workflow moves its pull request onto the target ({@link PullRequestReview}). A
 * task with several dependencies still waits for all of them to be merged and starts from the
 * target, which then holds their work.
 */
final class ReviewStacks {
  /** The change that let a watched run start a dependent on its dependency's pull request. */
  static final String CHANGE = "pr-stack-on-review";

  static final ReviewStacks NONE = new ReviewStacks(false);

  private final boolean on;

  private ReviewStacks(boolean on) {
    this.on = on;
  }

  /** Stacks in a run that watches its pull requests; runs recorded before replay without. */
  static ReviewStacks of(RunRequest request) {
    boolean watch =
        request.config().merge().mode() == MergeMode.PR && request.config().github().watch();
    return new ReviewStacks(
        watch
            && io.temporal.workflow.Workflow.getVersion(
                    CHANGE, io.temporal.workflow.Workflow.DEFAULT_VERSION, 1)
                >= 1);
  }

  /** Whether the task may start, stacked, before its one dependency is merged. */
  boolean releases(PlanTask task, Function<String, TaskStatus> statuses) {
    List<String> dependencies = task.dependencies();
    return on && dependencies.size() == 1 && inReview(statuses.apply(dependencies.get(0)));
  }

  /**
   * The branch a task starts from: its dependency's while that one is not merged, else as given.
   */
  String start(PlanTask task, Function<String, TaskStatus> statuses, String otherwise) {
    List<String> dependencies = task.dependencies();
    boolean stacked =
        on
            && dependencies.size() == 1
            && statuses.apply(dependencies.get(0)).phase() != TaskPhase.COMPLETED;
    return stacked ? BraidNames.taskBranch(dependencies.get(0)) : otherwise;
  }

  /** A task whose pull request waits for GitHub: its checked work is pushed to its branch. */
  private static boolean inReview(TaskStatus status) {
    return status != null
        && status.phase() == TaskPhase.RUNNING
        && status.blocker() != null
        && status.blocker().kind() == BlockKind.PULL_REQUEST_REVIEW;
  }
}
