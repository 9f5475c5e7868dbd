package dev.braid.workflow;

import java.util.List;

/**
 * Why a task is not moving and what a human may do about it: the one value that the status, the Web
 * UI, the report, the notification and the unblock validator all read.
 *
 * @param kind why, as data
 * @param reason the same for humans; never blank
 * @param log where to look: the task's log directory
 * @param decisions what may be decided, from the kind
 * @param untilMillis for a wait, when it ends (epoch milliseconds); else 0
 */
public record Blocker(
    BlockKind kind, String reason, String log, List<UnblockAction> decisions, long untilMillis) {

  public Blocker {
    reason = reason == null || reason.isBlank() ? kind.label() + " (no detail given)" : reason;
    decisions = decisions == null ? kind.decisions() : List.copyOf(decisions);
  }

  /** A blocker that is no wait. */
  public Blocker(BlockKind kind, String reason, String log, List<UnblockAction> decisions) {
    this(kind, reason, log, decisions, 0);
  }

  /** A wait of this kind until the given time. */
  static Blocker waitUntil(BlockKind kind, String reason, String log, long untilMillis) {
    return new Blocker(kind, reason, log, List.of(), untilMillis);
  }

  /** A blocker of this kind, with the decisions its kind allows. */
  static Blocker of(BlockKind kind, String reason, String log) {
    return new Blocker(kind, reason, log, kind.decisions());
  }

  /** Whether the decision applies. */
  boolean allows(UnblockAction action) {
    return decisions.contains(action);
  }
}
