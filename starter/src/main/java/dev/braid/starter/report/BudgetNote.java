package dev.braid.starter.report;

import dev.braid.config.BudgetSettings;
import dev.braid.workflow.RunStatus;
import dev.braid.workflow.TaskStatus;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The report's line on spend against the budgets: the run's total and each task's, from the costs
 * the agents reported. A task whose agent reported none is named as unknown, never estimated.
 */
final class BudgetNote {
  private BudgetNote() {}

  static Optional<String> of(RunStatus run) {
    BudgetSettings budget = run.budget();
    if (budget == null || (budget.perRunUsd() == null && budget.perTaskUsd() == null)) {
      return Optional.empty();
    }
    List<TaskStatus> ran = run.tasks().stream().filter(t -> t.startedAtMillis() > 0).toList();
    double total =
        ran.stream()
            .filter(t -> t.usage() != null && t.usage().costUsd() != null)
            .mapToDouble(t -> t.usage().costUsd())
            .sum();
    String perTask =
        ran.stream()
            .map(
                t ->
                    t.id()
                        + " "
                        + (t.usage() == null || t.usage().costUsd() == null
                            ? "unknown"
                            : BudgetSettings.dollars(t.usage().costUsd())))
            .collect(Collectors.joining(", "));
    return Optional.of(
        "Budget: the run spent "
            + BudgetSettings.dollars(total)
            + (budget.perRunUsd() == null
                ? ""
                : " of " + BudgetSettings.dollars(budget.perRunUsd()) + " per run")
            + (budget.perTaskUsd() == null
                ? ""
                : "; each task may spend " + BudgetSettings.dollars(budget.perTaskUsd()))
            + (perTask.isEmpty() ? "." : " (" + perTask + ")."));
  }
}
