package dev.braid.workflow;

import java.util.List;

/**
 * Why a task runs again after its work was merged, or failed to merge, into the integration branch.
 * The merge queue starts the task's workflow again with one of these.
 *
 * @param sync merge the integration branch into the task branch first, so the conflict or the
 *     broken check can be fixed in the task's own worktree
 * @param feedback what went wrong, for the agent, or null when only a sync is needed
 * @param attemptsBefore attempts the task spent in earlier rounds, so attempts keep counting
 * @param tiersBefore the tiers that ran in earlier rounds
 * @param blocker when the merge gave up on the task: the task waits for a human with this reason as
 *     soon as its worktree is ready, else null
 */
public record TaskRound(
    boolean sync, String feedback, int attemptsBefore, List<String> tiersBefore, Blocker blocker) {

  public TaskRound {
    tiersBefore = tiersBefore == null ? List.of() : List.copyOf(tiersBefore);
  }

  /** A round that goes straight to work, as every round did before blockers existed. */
  public TaskRound(boolean sync, String feedback, int attemptsBefore, List<String> tiersBefore) {
    this(sync, feedback, attemptsBefore, tiersBefore, null);
  }

  /** The merge's feedback and a human's guidance, both for the agent. */
  static String withGuidance(String feedback, String humanGuidance) {
    if (feedback == null) {
      return humanGuidance;
    }
    return humanGuidance == null ? feedback : feedback + "\n\nA human adds:\n" + humanGuidance;
  }
}
