package dev.braid.activities.plan;

import dev.braid.plan.Plan;
import dev.braid.plan.PlanProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What reading a plan gave: the plan when it can run, and every problem found.
 *
 * @param plan the plan, or null when any problem was found
 * @param problems every problem, in the order the files were read and then the graph's
 */
public record PlanReadResult(Plan plan, List<PlanProblem> problems) {

  public PlanReadResult {
    problems = List.copyOf(problems);
  }

  /** Whether the plan can run: it was read and nothing is wrong with it. */
  public boolean ok() {
    return plan != null && problems.isEmpty();
  }

  /** Every problem on its own line, as {@code file: task 'x': field: message}. */
  public String problemsText() {
    return problems.stream().map(PlanProblem::toString).collect(Collectors.joining("\n"));
  }
}
