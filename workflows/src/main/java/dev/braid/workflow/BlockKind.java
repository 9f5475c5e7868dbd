package dev.braid.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * Why a task waits for a human, as a kind that the CLI, the Web UI, the report and the validator of
 * a decision all read. Each kind says which decisions apply: every kind can be retried and skipped,
 * and every kind whose task has a worktree can be finished by hand ({@code done}).
 */
public enum BlockKind {
  /** Every tier of the escalation cascade failed. */
  AGENT_TIERS_EXHAUSTED(true),
  /** A {@code setup} command failed in the task's new worktree. */
  SETUP_FAILED(true),
  /** The worktree could not be created: its path is occupied, or its branch is checked out. */
  WORKTREE_FAILED(false),
  /** The checks failed after a human finished the task by hand. */
  MANUAL_CHECKS_FAILED(true),
  /** The task's branch conflicts with the integration branch, and no resolver fixed it. */
  MERGE_CONFLICT(true),
  /** Merging the task broke the checks on the integrated result, round after round. */
  MERGE_CHECKS_FAILED(true),
  /** The merge into the integration branch failed for another reason, such as its setup. */
  INTEGRATE_FAILED(true),
  /** The task's branch could not be pushed, such as when the remote's has commits it lacks. */
  PUSH_FAILED(true),
  /** The task's pull request could not be opened or updated. */
  PULL_REQUEST_FAILED(true),
  /**
   * The task's pull request's checks failed, or a reviewer asked for changes, once more after
   * {@code github.maxRounds} rounds of its agent; retry gives it more.
   */
  REVIEW_ROUNDS(true),
  /** The task's workflow itself failed; braid starts it again on retry. */
  TASK_FAILED(false),
  /** The task's attempts cost its budget ({@code budget.perTask}); retry may raise it. */
  BUDGET(true),
  /**
   * The run's tasks cost the run's budget ({@code budget.perRun}) before this one started; retry
   * may raise it.
   */
  RUN_BUDGET(false),
  /**
   * Not a block but a wait: the agent hit its provider's rate or usage limit, and the task waits on
   * a durable timer, then runs the same tier again. Nobody needs to decide anything.
   */
  RATE_LIMIT(true),
  /**
   * Not a block but a wait: the task's pull request is open and braid looks at it now and then
   * ({@code github.watch}) until it is merged or closed, or its checks or reviews ask for a round.
   */
  PULL_REQUEST_REVIEW(true);

  private final boolean hasWorktree;

  BlockKind(boolean hasWorktree) {
    this.hasWorktree = hasWorktree;
  }

  /** Why a cascade ended without a result, by its last failure's type. */
  static BlockKind afterCascade(String failureType) {
    if (dev.braid.activity.AttemptFailure.WORKTREE_FAILED.equals(failureType)) {
      return WORKTREE_FAILED;
    }
    return dev.braid.activity.AttemptFailure.BUDGET_SPENT.equals(failureType)
        ? BUDGET
        : AGENT_TIERS_EXHAUSTED;
  }

  /** Whether the task waits for time to pass rather than for a human. */
  public boolean isWait() {
    return this == RATE_LIMIT || this == PULL_REQUEST_REVIEW;
  }

  /**
   * What a human may decide: retry and skip always, done where a worktree holds the work; nothing
   * for a wait, which ends by itself.
   */
  public List<UnblockAction> decisions() {
    if (isWait()) {
      return List.of();
    }
    return hasWorktree
        ? List.of(UnblockAction.RETRY, UnblockAction.SKIP, UnblockAction.DONE)
        : List.of(UnblockAction.RETRY, UnblockAction.SKIP);
  }

  /** Whether the run decides it itself, because the task's workflow has already ended. */
  public boolean decidedByRun() {
    return this == PULL_REQUEST_FAILED || this == TASK_FAILED || this == RUN_BUDGET;
  }

  /** The spelling used in JSON, the CLI and the search attribute: {@code setup-failed}. */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Reads either spelling. */
  @JsonCreator
  public static BlockKind parse(String text) {
    return text == null ? null : valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
