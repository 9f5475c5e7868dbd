package dev.braid.starter.cli;

import dev.braid.activities.plan.PlanReadResult;
import dev.braid.activities.plan.PlanReader;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanProblem;
import java.nio.file.Path;
import java.util.List;

/** Reads a plan for a command, and refuses it with every problem listed when it cannot run. */
final class PlanLoader {
  private PlanLoader() {}

  static Plan load(Path planDir) {
    PlanReadResult result = new PlanReader().read(planDir);
    if (!result.ok()) {
      throw new PlanRejected(planDir, result.problems());
    }
    return result.plan();
  }

  /** A plan that cannot run; nothing was created. */
  static final class PlanRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The plan directory, for {@code --json}. */
    final transient Path planDir;

    /** Every problem, for {@code --json}. */
    final transient List<PlanProblem> problems;

    PlanRejected(Path planDir, List<PlanProblem> problems) {
      super(format(planDir, problems));
      this.planDir = planDir;
      this.problems = List.copyOf(problems);
    }

    private static String format(Path planDir, List<PlanProblem> problems) {
      StringBuilder sb =
          new StringBuilder("plan ")
              .append(planDir)
              .append(" has ")
              .append(problems.size())
              .append(problems.size() == 1 ? " problem" : " problems")
              .append("; nothing was started:");
      problems.forEach(p -> sb.append("\n  ").append(p));
      return sb.toString();
    }
  }
}
