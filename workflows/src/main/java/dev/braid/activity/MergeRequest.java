package dev.braid.activity;

import java.util.List;

/**
 * Merges finished task branches into the target branch.
 *
 * @param runId the run, to name the integration branch
 * @param repo the main checkout, absolute
 * @param target the branch that receives the work
 * @param branches the task branches in dependency order
 * @param setup argv lists run in the integration worktree before the checks, as in a task's
 * @param checks argv lists run on the merged result before the target moves
 * @param remote the remote to push the target to when the repository has it
 * @param logRun the Temporal run whose log folder holds the merge checks' log, or null for the
 *     older layout
 * @param verifiedTrees git trees whose checks passed already (a step checked ahead found them): a
 *     merged result with one of these trees is not checked again
 */
public record MergeRequest(
    String runId,
    String repo,
    String target,
    List<String> branches,
    List<List<String>> setup,
    List<List<String>> checks,
    String remote,
    String logRun,
    List<String> verifiedTrees) {

  public MergeRequest {
    branches = List.copyOf(branches);
    // Histories recorded before setup was added carry no value for it.
    setup = setup == null ? List.of() : setup.stream().map(List::copyOf).toList();
    checks = checks.stream().map(List::copyOf).toList();
    // Requests recorded before steps were checked ahead carry none.
    verifiedTrees = verifiedTrees == null ? List.of() : List.copyOf(verifiedTrees);
  }

  /** A request with no result checked ahead. */
  public MergeRequest(
      String runId,
      String repo,
      String target,
      List<String> branches,
      List<List<String>> setup,
      List<List<String>> checks,
      String remote,
      String logRun) {
    this(runId, repo, target, branches, setup, checks, remote, logRun, List.of());
  }

  /** A request in the log layout of runs from before logs were kept per Temporal run. */
  public MergeRequest(
      String runId,
      String repo,
      String target,
      List<String> branches,
      List<List<String>> setup,
      List<List<String>> checks,
      String remote) {
    this(runId, repo, target, branches, setup, checks, remote, null);
  }
}
