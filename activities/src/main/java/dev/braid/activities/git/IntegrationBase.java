package dev.braid.activities.git;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start point of a new task branch when its base is a run's integration branch, which lives on
 * the remote: a host whose checkout never saw the branch, or saw an older head of it, starts the
 * task from what the merge queue last pushed.
 */
final class IntegrationBase {
  private static final Logger log = LoggerFactory.getLogger(IntegrationBase.class);

  private IntegrationBase() {}

  /**
   * Fetches {@code base} when it is an integration branch and the remote has it, and says where a
   * new task branch starts: the remote's head, which only merge steps whose checks passed have
   * pushed. When this checkout lacks the branch it is created there at that head; when it has it
   * elsewhere (behind, or holding merges a step here never pushed), the task starts from the
   * remote's commit. The local branch, which a merge step on this host may have checked out, is
   * never moved. Other bases, and repositories without the remote, are used as they are.
   *
   * <p>Idempotent: fetching again changes nothing, and the local branch is only ever created.
   *
   * @throws GitException (retryable) when the remote cannot be read and this checkout lacks the
   *     branch; when it has it, the task starts from the local one and a warning is logged
   */
  static String startPoint(GitCli main, String remote, String base) {
    if (base == null || !base.startsWith("braid/")) {
      return base;
    }
    HubBranch hub = HubBranch.of(main, remote, base);
    String ref = "refs/heads/" + base;
    Optional<String> local = main.resolve(ref);
    Optional<String> onRemote;
    try {
      onRemote = hub.fetch();
    } catch (GitException e) {
      if (local.isEmpty()) {
        throw e;
      }
      log.warn(
          "Could not fetch {}; the task starts from this checkout's: {}", base, e.getMessage());
      return base;
    }
    if (onRemote.isEmpty()) {
      return base;
    }
    if (local.isEmpty()) {
      // Created only if still missing: a merge step here may create it at the same moment.
      main.tryRun("update-ref", "-m", "braid: fetched " + base, ref, onRemote.get(), "");
      log.info("Fetched {} from {}", base, remote);
      return main.resolve(ref).isPresent() && main.isAncestor(onRemote.get(), ref)
          ? base
          : onRemote.get();
    }
    if (!local.get().equals(onRemote.get())) {
      // Behind the remote's, or holding merges a step here never pushed (so maybe never checked):
      // the remote's is what the queue merged and checked.
      log.info("{} here differs from {}'s; the task starts from {}", base, remote, onRemote.get());
      return onRemote.get();
    }
    return base;
  }
}
