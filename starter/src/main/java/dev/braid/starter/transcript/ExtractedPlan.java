package dev.braid.starter.transcript;

import java.util.List;

/**
 * A plan taken out of a message, ready to be written as {@code plan.yaml} and task files.
 *
 * @param name the plan's name, or null when its metadata gives none
 * @param planYaml {@code plan.yaml}'s text: the Plan Structure's YAML as written, comments kept
 * @param origin the Plan Structure's heading and line in the message
 * @param tasks the tasks, in the Plan Structure's order
 */
public record ExtractedPlan(
    String name, String planYaml, String origin, List<ExtractedTask> tasks) {
  public ExtractedPlan {
    tasks = List.copyOf(tasks);
  }
}
