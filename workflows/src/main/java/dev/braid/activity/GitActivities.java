package dev.braid.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Publishes and merges task branches. */
@ActivityInterface
public interface GitActivities {

  /**
   * Pushes the branch to the remote when the repository has it.
   *
   * @return whether anything was pushed
   */
  @ActivityMethod
  boolean push(PushRequest request);

  /** Merges the branches into the target, runs the checks on the result, then moves the target. */
  @ActivityMethod
  MergeResult merge(MergeRequest request);

  /**
   * Creates the run's integration branch from the target, unless it exists.
   *
   * @return the branch's name
   */
  @ActivityMethod
  String startIntegration(IntegrationStart request);

  /**
   * The merge queue's step: merges the branches the integration branch lacks (one a call, in
   * practice) and runs the checks on the result; when they fail, the integration branch goes back
   * to where it was. The target does not move.
   *
   * @return {@code targetHead} is the integration branch's head
   */
  @ActivityMethod
  MergeResult integrate(MergeRequest request);

  /**
   * Checks a merge step ahead: in a worktree of its own, the branches are merged on top of the
   * integration branch (the running step's branches first, then this step's), and the checks run on
   * the result. Nothing moves: the step itself comes later, and skips its checks when its merge
   * yields the tree found here.
   */
  @ActivityMethod
  SpeculationResult speculate(MergeRequest request);

  /** Merges the base into the task branch, leaving conflicts in the worktree for a resolver. */
  @ActivityMethod
  SyncResult syncWithBase(SyncRequest request);

  /**
   * Creates a branch at a commit, unless it exists, and pushes it when the repository has the
   * remote: the base of a task's pull request.
   */
  @ActivityMethod
  void publishBranch(PublishBranchRequest request);

  /** Abandons a merge left in the worktree, restoring the branch as it was before it. */
  @ActivityMethod
  void abortMerge(String worktree);

  /**
   * The branches, among those asked, that exist in the repository and hold commits the target
   * lacks: the work of tasks marked completed that never reached the target, such as after a run
   * whose final checks failed.
   */
  @ActivityMethod
  List<String> unmerged(UnmergedRequest request);
}
