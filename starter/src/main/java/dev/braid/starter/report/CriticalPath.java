package dev.braid.starter.report;

import dev.braid.plan.Plan;
import dev.braid.plan.PlanGraph;
import dev.braid.plan.PlanTask;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chain of dependent tasks that took longest, by their measured durations. No schedule could
 * have finished the run faster than this chain ran, so comparing it with the wall-clock shows what
 * braid's scheduling and merging added. Unlike {@link PlanGraph#criticalPath()}, which counts
 * tasks, it weighs each task by how long it really took, and only tasks that ran and finished
 * count.
 *
 * @param tasks the chain's task ids, first to last
 * @param millis the sum of their durations
 */
public record CriticalPath(List<String> tasks, long millis) {

  public CriticalPath {
    tasks = List.copyOf(tasks);
  }

  /**
   * The longest chain through the measured tasks along the plan's dependencies. Ties go to the
   * chain that ends, and then steps back, to the task that comes first in the plan.
   *
   * @return empty when no task's duration was measured, or the plan is not a valid graph
   */
  public static Optional<CriticalPath> of(List<TaskReport> tasks, Plan plan) {
    Map<String, Long> duration = new HashMap<>();
    tasks.stream()
        .filter(TaskReport::measured)
        .forEach(t -> duration.put(t.id(), t.durationMillis()));
    if (duration.isEmpty()) {
      return Optional.empty();
    }
    List<String> order;
    try {
      order = PlanGraph.of(plan).order();
    } catch (IllegalArgumentException invalid) {
      return Optional.empty();
    }
    Map<String, Integer> planIndex = new HashMap<>();
    plan.tasks().forEach(t -> planIndex.put(t.id(), planIndex.size()));
    Map<String, Long> longest = new HashMap<>();
    Map<String, String> previous = new HashMap<>();
    for (String id : order) {
      if (!duration.containsKey(id)) {
        continue;
      }
      String from = null;
      List<String> deps = new ArrayList<>(plan.task(id).map(PlanTask::dependencies).orElseThrow());
      deps.sort((a, b) -> Integer.compare(planIndex.get(a), planIndex.get(b)));
      for (String dep : deps) {
        if (longest.containsKey(dep) && (from == null || longest.get(dep) > longest.get(from))) {
          from = dep;
        }
      }
      longest.put(id, duration.get(id) + (from == null ? 0 : longest.get(from)));
      previous.put(id, from);
    }
    String end = null;
    for (PlanTask t : plan.tasks()) {
      if (longest.containsKey(t.id()) && (end == null || longest.get(t.id()) > longest.get(end))) {
        end = t.id();
      }
    }
    if (end == null) {
      return Optional.empty();
    }
    List<String> chain = new ArrayList<>();
    for (String at = end; at != null; at = previous.get(at)) {
      chain.add(at);
    }
    Collections.reverse(chain);
    return Optional.of(new CriticalPath(chain, longest.get(end)));
  }
}
