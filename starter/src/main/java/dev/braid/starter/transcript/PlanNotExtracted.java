package dev.braid.starter.transcript;

import java.util.List;

/** A plan message that cannot be taken apart, with every problem found. */
final class PlanNotExtracted extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<ExtractionProblem> problems;

  PlanNotExtracted(List<ExtractionProblem> problems) {
    super(problems.size() + " problem(s)");
    this.problems = List.copyOf(problems);
  }

  List<ExtractionProblem> problems() {
    return problems;
  }
}
