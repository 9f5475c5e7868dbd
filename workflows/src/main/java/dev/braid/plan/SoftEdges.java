package dev.braid.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the overlaps of a plan into soft edges, one per overlap that the plan does not already keep
 * apart. Which task goes first: the one that can start sooner (an earlier wave), so a task that
 * could start at once is not held behind one that waits for its own dependencies; between tasks of
 * the same wave, the higher priority; then plan order, as braid starts ready tasks.
 *
 * <p>An overlap whose tasks the graph already orders, through dependencies and the soft edges added
 * before it, needs no edge; any other edge cannot close a cycle, since it is only added when its
 * second task does not reach its first. Pure and deterministic: it runs in workflow code.
 */
public final class SoftEdges {
  private SoftEdges() {}

  /** The soft edges for these overlaps, in the order of the overlaps. */
  public static List<SoftEdge> of(Plan plan, List<FileOverlap> overlaps) {
    PlanGraph graph = PlanGraph.of(plan);
    Map<String, Integer> planOrder = new HashMap<>();
    Map<String, List<String>> after = new HashMap<>();
    for (PlanTask task : plan.tasks()) {
      planOrder.put(task.id(), planOrder.size());
      after.computeIfAbsent(task.id(), id -> new ArrayList<>());
      for (String dependency : task.dependencies()) {
        after.computeIfAbsent(dependency, id -> new ArrayList<>()).add(task.id());
      }
    }
    Comparator<String> first =
        Comparator.comparingInt(graph::waveOf)
            .thenComparingInt((String id) -> plan.task(id).orElseThrow().priority().ordinal())
            .thenComparingInt(planOrder::get);
    List<SoftEdge> edges = new ArrayList<>();
    for (FileOverlap overlap : overlaps) {
      String a = overlap.first();
      String b = overlap.second();
      if (!after.containsKey(a) || !after.containsKey(b)) {
        continue; // not a task of this plan: the overlaps came from another version of it
      }
      if (reaches(after, a, b) || reaches(after, b, a)) {
        continue;
      }
      boolean aFirst = first.compare(a, b) <= 0;
      SoftEdge edge = new SoftEdge(aFirst ? a : b, aFirst ? b : a, overlap.paths());
      after.get(edge.before()).add(edge.after());
      edges.add(edge);
    }
    return List.copyOf(edges);
  }

  private static boolean reaches(Map<String, List<String>> after, String from, String to) {
    Set<String> seen = new HashSet<>();
    List<String> todo = new ArrayList<>(List.of(from));
    while (!todo.isEmpty()) {
      String next = todo.remove(todo.size() - 1);
      if (next.equals(to)) {
        return true;
      }
      if (seen.add(next)) {
        todo.addAll(after.get(next));
      }
    }
    return false;
  }
}
