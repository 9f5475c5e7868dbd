package dev.braid.workflow;

/**
 * What a task's attempts may spend: its own budget ({@code budget.perTask}, as a human raised it)
 * and what the run's budget left it as it started ({@link RunBudgetShare}). The attempt activity
 * stops the cascade when the task's spend reaches the smaller of the two; which one bound it
 * decides the block's kind.
 */
final class AttemptBudget {
  private Double taskUsd;
  private RunBudgetShare run;

  AttemptBudget(Double taskUsd, RunBudgetShare run) {
    this.taskUsd = taskUsd;
    this.run = run;
  }

  /** A human raised the budget that stopped the task: the run's or the task's own. */
  void raise(BlockKind stoppedBy, double usd) {
    if (stoppedBy == BlockKind.RUN_BUDGET && run != null) {
      run = run.raisedTo(usd);
    } else {
      taskUsd = usd;
    }
  }

  /** What the attempts may spend, or null for no limit. */
  Double forAttempts() {
    if (run == null) {
      return taskUsd;
    }
    return taskUsd == null ? run.leftUsd() : Math.min(taskUsd, run.leftUsd());
  }

  /** Why the cascade stopped, as a kind: a spent budget is the run's when the run's bound it. */
  BlockKind stopKind(String failureType) {
    BlockKind kind = BlockKind.afterCascade(failureType);
    boolean runs = run != null && (taskUsd == null || run.leftUsd() < taskUsd);
    return kind == BlockKind.BUDGET && runs ? BlockKind.RUN_BUDGET : kind;
  }

  /** Why the cascade stopped, in words: the run's spend when the run's budget stopped it. */
  String stopReason(String failureType, String failure, Double taskSpentUsd) {
    return stopKind(failureType) == BlockKind.RUN_BUDGET
        ? run.reason(taskSpentUsd == null ? 0 : taskSpentUsd)
        : failure;
  }
}
