package dev.braid.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds dependency cycles in a plan that may be invalid in other ways: duplicate ids count once
 * (the first task with the id) and unknown dependencies are skipped, so that every problem can be
 * reported together.
 *
 * <p>It reports one shortest cycle per tangle of tasks that depend on each other (a strongly
 * connected component), starting from the tangle's first task in plan order. One cycle per tangle
 * is enough to fix it, and a shortest one is the easiest to read.
 */
final class CycleFinder {

  private final List<String> ids = new ArrayList<>();
  private final List<List<Integer>> dependencies = new ArrayList<>();
  private final List<List<Integer>> dependents = new ArrayList<>();

  private CycleFinder(Plan plan, boolean includeSelfDependencies) {
    Map<String, Integer> indexOf = new LinkedHashMap<>();
    List<PlanTask> unique = new ArrayList<>();
    for (PlanTask task : plan.tasks()) {
      if (task.id() != null && !indexOf.containsKey(task.id())) {
        indexOf.put(task.id(), unique.size());
        unique.add(task);
        ids.add(task.id());
        dependencies.add(new ArrayList<>());
        dependents.add(new ArrayList<>());
      }
    }
    for (int from = 0; from < unique.size(); from++) {
      for (String dependency : unique.get(from).dependencies()) {
        Integer to = dependency == null ? null : indexOf.get(dependency);
        boolean keep = to != null && (includeSelfDependencies || to != from);
        if (keep && !dependencies.get(from).contains(to)) {
          dependencies.get(from).add(to);
          dependents.get(to).add(from);
        }
      }
    }
  }

  /**
   * Every tangle's shortest cycle, as ids from the first task back to it, such as {@code [a, b,
   * a]}.
   *
   * @param includeSelfDependencies whether a task that lists itself counts as a cycle {@code [a,
   *     a]}
   */
  static List<List<String>> all(Plan plan, boolean includeSelfDependencies) {
    return new CycleFinder(plan, includeSelfDependencies).cycles();
  }

  /** The first cycle in plan order, counting a task that depends on itself. */
  static Optional<List<String>> first(Plan plan) {
    List<List<String>> cycles = all(plan, true);
    return cycles.isEmpty() ? Optional.empty() : Optional.of(cycles.get(0));
  }

  private List<List<String>> cycles() {
    List<List<String>> cycles = new ArrayList<>();
    boolean[] covered = new boolean[ids.size()];
    for (int start = 0; start < ids.size(); start++) {
      if (covered[start]) {
        continue;
      }
      List<Integer> cycle = shortestCycleThrough(start);
      if (cycle.isEmpty()) {
        continue;
      }
      boolean[] forward = reachable(start, dependencies);
      boolean[] backward = reachable(start, dependents);
      for (int i = 0; i < ids.size(); i++) {
        covered[i] |= forward[i] && backward[i];
      }
      List<String> named = new ArrayList<>();
      cycle.forEach(i -> named.add(ids.get(i)));
      cycles.add(Collections.unmodifiableList(named));
    }
    return cycles;
  }

  /** A breadth-first search back to the start gives the shortest cycle, or an empty list. */
  private List<Integer> shortestCycleThrough(int start) {
    int[] cameFrom = new int[ids.size()];
    Arrays.fill(cameFrom, -1);
    Deque<Integer> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      int node = queue.poll();
      for (int next : dependencies.get(node)) {
        if (next == start) {
          return pathBack(start, node, cameFrom);
        }
        if (cameFrom[next] == -1) {
          cameFrom[next] = node;
          queue.add(next);
        }
      }
    }
    return List.of();
  }

  private static List<Integer> pathBack(int start, int last, int[] cameFrom) {
    List<Integer> path = new ArrayList<>();
    path.add(start);
    for (int node = last; node != start; node = cameFrom[node]) {
      path.add(node);
    }
    Collections.reverse(path.subList(1, path.size()));
    path.add(start);
    return path;
  }

  private boolean[] reachable(int start, List<List<Integer>> edges) {
    boolean[] seen = new boolean[ids.size()];
    Deque<Integer> stack = new ArrayDeque<>();
    stack.push(start);
    seen[start] = true;
    while (!stack.isEmpty()) {
      for (int next : edges.get(stack.pop())) {
        if (!seen[next]) {
          seen[next] = true;
          stack.push(next);
        }
      }
    }
    return seen;
  }
}
