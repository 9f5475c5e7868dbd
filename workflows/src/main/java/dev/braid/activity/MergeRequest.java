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
 */
public record MergeRequest(
    String runId,
    String repo,
    String target,
    List<String> branches,
    List<List<String>> setup,
    List<List<String>> checks,
    String remote) {

  public MergeRequest {
    branches = List.copyOf(branches);
    // Histories recorded before setup was added carry no value for it.
    setup = setup == null ? List.of() : setup.stream().map(List::copyOf).toList();
    checks = checks.stream().map(List::copyOf).toList();
  }
}
