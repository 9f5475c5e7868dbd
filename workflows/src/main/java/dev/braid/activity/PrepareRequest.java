package dev.braid.activity;

import java.util.List;

/**
 * Asks for a task's worktree.
 *
 * @param repo the main checkout, absolute
 * @param taskId the task id; the worktree is {@code worktrees/<id>} on branch {@code feature/<id>}
 * @param baseBranch the branch the task's branch starts from
 * @param setup argv lists run once in the new worktree
 */
public record PrepareRequest(
    String repo, String taskId, String baseBranch, List<List<String>> setup) {

  public PrepareRequest {
    setup = setup.stream().map(List::copyOf).toList();
  }
}
