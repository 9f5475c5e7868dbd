package dev.braid.activity;

import dev.braid.config.BraidConfig;
import java.util.List;

/**
 * Asks for a task's worktree.
 *
 * @param repo the main checkout, absolute
 * @param taskId the task id; the worktree is {@code worktrees/<id>} on branch {@code feature/<id>}
 * @param baseBranch the branch the task's branch starts from
 * @param setup argv lists run once in the new worktree
 * @param copyFiles untracked files of the main checkout copied into the new worktree and kept out
 *     of its commits; null (a request from a workflow that does not pass them) means {@link
 *     BraidConfig#DEFAULT_COPY_FILES}
 * @param remote the remote a task's pushed branch is fetched from when this checkout lacks it (a
 *     task prepared again on another host), or null to look only locally
 */
public record PrepareRequest(
    String repo,
    String taskId,
    String baseBranch,
    List<List<String>> setup,
    List<String> copyFiles,
    String remote) {

  public PrepareRequest {
    setup = setup.stream().map(List::copyOf).toList();
    copyFiles = copyFiles == null ? BraidConfig.DEFAULT_COPY_FILES : List.copyOf(copyFiles);
  }

  /** A request that copies the default files and looks only locally. */
  public PrepareRequest(String repo, String taskId, String baseBranch, List<List<String>> setup) {
    this(repo, taskId, baseBranch, setup, null, null);
  }
}
