package dev.braid.workflow;

import dev.braid.activity.AttemptResult;
import dev.braid.activity.SyncRequest;
import dev.braid.activity.SyncResult;
import dev.braid.activity.Usage;
import dev.braid.config.AgentTier;
import java.util.List;

/**
 * A round the merge queue sent back: merge the integration branch into the task branch, give any
 * conflict to the resolver agent, and give the merge's failure, if any, to the agents.
 */
final class SyncStep {
  private final TaskRequest request;
  private final TaskHost host;
  private final Cascade cascade;

  /**
   * How the round ended.
   *
   * @param result the work to push, or null
   * @param failure why there is none, for a human
   * @param hostLost the worktree's host stopped answering
   * @param conflict the failure is a merge conflict nobody resolved, rather than the agents' own
   * @param failureType the agents' last failure's type, or null
   */
  record Outcome(
      AttemptResult result,
      String failure,
      boolean hostLost,
      boolean conflict,
      String failureType) {

    Outcome(AttemptResult result, String failure, boolean hostLost, boolean conflict) {
      this(result, failure, hostLost, conflict, null);
    }
  }

  SyncStep(TaskRequest request, TaskHost host, Cascade cascade) {
    this.request = request;
    this.host = host;
    this.cascade = cascade;
  }

  Outcome run(int firstTier, String guidance, AgentTier resolver) {
    SyncResult sync =
        host.git.syncWithBase(
            new SyncRequest(
                host.worktree.path(), request.base(), request.config().merge().remote()));
    if (sync.conflicted()) {
      return resolve(request.base(), sync.conflictingFiles(), guidance, resolver);
    }
    if (guidance != null) {
      CascadeResult round = cascade.run(firstTier, guidance);
      return new Outcome(
          round.result(), round.failure(), round.hostLost(), false, round.failureType());
    }
    return new Outcome(
        new AttemptResult(cascade.attempts(), sync.head(), Usage.unknown(), null),
        null,
        false,
        false);
  }

  /** The target, merged into a stacked pull request's branch once its base merged, conflicted. */
  Outcome resolveTarget(List<String> files) {
    String target = request.config().merge().remote() + "/" + request.config().merge().target();
    return resolve(target, files, null, request.config().resolver());
  }

  /**
   * A merge of {@code base} left conflicted in the worktree: to the resolver agent, else aborted
   * for a human.
   */
  Outcome resolve(String base, List<String> files, String guidance, AgentTier resolver) {
    String conflicts =
        "Merging "
            + base
            + " into this task's branch conflicts in: "
            + String.join(", ", files)
            + ". Resolve every conflict, keeping both sides' intent, so that the checks pass."
            + (guidance == null ? "" : "\n\n" + guidance);
    if (resolver != null) {
      CascadeResult resolved = cascade.resolve(resolver, conflicts);
      if (resolved.succeeded() || resolved.hostLost()) {
        return new Outcome(resolved.result(), resolved.failure(), resolved.hostLost(), false);
      }
      host.git.abortMerge(host.worktree.path());
      return new Outcome(
          null,
          "merge conflict in " + String.join(", ", files) + "; " + resolved.failure(),
          false,
          true);
    }
    host.git.abortMerge(host.worktree.path());
    return new Outcome(
        null,
        "merge conflict with "
            + base
            + " in "
            + String.join(", ", files)
            + " (resolve it in the worktree: git merge "
            + base
            + ", then braid unblock --done)",
        false,
        true);
  }
}
