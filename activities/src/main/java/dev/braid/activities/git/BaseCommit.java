package dev.braid.activities.git;

import dev.braid.activities.process.ProcessOutcome;
import java.util.List;

/** Finds the commit a task branch started from, which the agent's diff and the report start at. */
final class BaseCommit {
  private BaseCommit() {}

  /**
   * The merge base of the branch and its base; when the base no longer exists, the commit the
   * branch was created at, from its reflog; failing both, the branch's head.
   */
  static String of(GitCli main, String branch, String base) {
    String ref = "refs/heads/" + branch;
    ProcessOutcome mergeBase = main.tryRun("merge-base", ref, base);
    if (mergeBase.succeeded() && !mergeBase.output().isBlank()) {
      return mergeBase.output().strip();
    }
    ProcessOutcome reflog = main.tryRun("reflog", "show", "--format=%H", ref);
    if (reflog.succeeded()) {
      List<String> commits = reflog.output().strip().lines().toList();
      if (!commits.isEmpty() && !commits.get(commits.size() - 1).isBlank()) {
        return commits.get(commits.size() - 1).strip();
      }
    }
    return main.run("rev-parse", ref);
  }
}
