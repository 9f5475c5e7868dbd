package dev.braid.workflow;

import dev.braid.activity.GitActivities;
import dev.braid.activity.UnmergedRequest;
import dev.braid.activity.Usage;
import dev.braid.config.MergeMode;
import io.temporal.workflow.Workflow;
import java.util.List;
import org.slf4j.Logger;

/**
 * Tasks whose file says completed but whose branch holds work the target lacks (an earlier run
 * failed its final checks, or was cancelled before merging them) go to the merge queue, so the run
 * brings them to the target instead of claiming they are there.
 */
final class MissingWork {
  private static final Logger log = Workflow.getLogger(MissingWork.class);

  private MissingWork() {}

  static void offer(
      GitActivities git, RunRequest request, RunBoard board, Integration integration) {
    List<String> before = board.completedBefore();
    if (before.isEmpty() || request.config().merge().mode() == MergeMode.NONE) {
      return;
    }
    List<String> unmerged =
        git.unmerged(
            new UnmergedRequest(
                request.repo(),
                request.config().merge().target(),
                before.stream().map(BraidNames::taskBranch).toList()));
    for (String id : before) {
      String branch = BraidNames.taskBranch(id);
      if (unmerged.contains(branch)) {
        log.info("task {} is marked completed but {} is not on the target; merging it", id, branch);
        integration.offer(
            new TaskOutcome(
                id,
                TaskPhase.COMPLETED,
                0,
                null,
                branch,
                null,
                "completed before this run",
                List.of(),
                Usage.unknown(),
                null));
      }
    }
  }
}
