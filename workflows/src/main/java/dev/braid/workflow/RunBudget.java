package dev.braid.workflow;

import dev.braid.config.BudgetSettings;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * The run's budget ({@code budget.perRun}): no task starts once the run's tasks have cost it, as
 * far as their agents reported. A task it holds back waits blocked, decided by the run: retry (with
 * {@code --budget}, raising the run's budget) or skip.
 */
final class RunBudget {
  private final BudgetSettings settings;
  private Double perRunUsd;

  /** The change that made a blocked task's spend count against the run's budget. */
  static final String UNFINISHED_SPEND_CHANGE = "budget-counts-blocked-spend";

  RunBudget(BudgetSettings settings, RunBoard board) {
    this.settings = settings;
    this.perRunUsd = settings.perRunUsd();
    if (Workflow.getVersion(UNFINISHED_SPEND_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1) {
      board.countUnfinishedSpend();
    }
  }

  /** The budgets in force: {@code braid.yaml}'s, with the run's as a human raised it. */
  BudgetSettings now() {
    return new BudgetSettings(settings.perTaskUsd(), perRunUsd);
  }

  /** Blocks the task instead of letting it start when the run's budget is spent; says whether. */
  boolean holdsBack(String taskId, RunBoard board, String log) {
    String why = holdBack(board);
    if (why != null) {
      board.block(taskId, Blocker.of(BlockKind.RUN_BUDGET, why, log), Workflow.currentTimeMillis());
    }
    return why != null;
  }

  /** Why a task may not start now, or null when it may. */
  private String holdBack(RunBoard board) {
    if (perRunUsd == null) {
      return null;
    }
    double spent = board.spentUsd();
    return spent >= perRunUsd
        ? "run budget: spent "
            + BudgetSettings.dollars(spent)
            + " of "
            + BudgetSettings.dollars(perRunUsd)
        : null;
  }

  /**
   * What the run's budget leaves a task that starts now: the budget in force and what the other
   * tasks spent; null without a run budget, or in runs recorded before attempts were held to it.
   */
  RunBudgetShare shareFor(String taskId, RunBoard board) {
    if (perRunUsd == null
        || Workflow.getVersion(ATTEMPTS_CHANGE, Workflow.DEFAULT_VERSION, 1)
            == Workflow.DEFAULT_VERSION) {
      return null;
    }
    TaskStatus own = board.status(taskId);
    double mine =
        own == null || own.usage() == null || own.usage().costUsd() == null
            ? 0
            : own.usage().costUsd();
    return new RunBudgetShare(perRunUsd, Math.max(0, board.spentUsd() - mine));
  }

  /** The change that held a running task's attempts to the run's budget, not only its start. */
  static final String ATTEMPTS_CHANGE = "run-budget-attempts";

  void raiseTo(double usd) {
    perRunUsd = usd;
  }

  /**
   * What the run's last line adds when there is a budget but some agent reported no cost: braid
   * says so once, rather than guess.
   */
  static String blindNote(RunBoard board, BudgetSettings settings) {
    if (settings.perRunUsd() == null && settings.perTaskUsd() == null) {
      return "";
    }
    List<String> blind =
        board.statuses().stream()
            .filter(s -> s.startedAtMillis() > 0 && s.phase().finished())
            .filter(s -> s.usage() == null || s.usage().costUsd() == null)
            .map(TaskStatus::id)
            .toList();
    return blind.isEmpty()
        ? ""
        : "; the budget could not be enforced for "
            + String.join(", ", blind)
            + ": their agents report no cost";
  }
}
