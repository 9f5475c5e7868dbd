package dev.braid.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dependency graph of a valid plan: which tasks can run together (waves), which chain bounds
 * the run's length (the critical path) and in which order finished work is merged.
 *
 * <p>Wherever the graph leaves a choice, higher priority comes first and then plan order, so the
 * same plan always gives the same answers. Pure and deterministic: it runs in workflow code.
 */
public final class PlanGraph {

  private final List<PlanTask> tasks;
  private final Map<String, Integer> indexOf = new HashMap<>();
  private final List<List<Integer>> dependencies = new ArrayList<>();
  private final List<List<Integer>> dependents = new ArrayList<>();
  private final List<Integer> order;
  private final int[] depth;

  private PlanGraph(Plan plan) {
    tasks = plan.tasks();
    for (int i = 0; i < tasks.size(); i++) {
      indexOf.put(tasks.get(i).id(), i);
      dependencies.add(new ArrayList<>());
      dependents.add(new ArrayList<>());
    }
    for (int i = 0; i < tasks.size(); i++) {
      for (String dependency : new LinkedHashSet<>(tasks.get(i).dependencies())) {
        int d = indexOf.get(dependency);
        dependencies.get(i).add(d);
        dependents.get(d).add(i);
      }
    }
    order = topologicalOrder();
    depth = new int[tasks.size()];
    for (int i : order) {
      for (int d : dependencies.get(i)) {
        depth[i] = Math.max(depth[i], depth[d] + 1);
      }
    }
  }

  /**
   * Builds the graph of a plan.
   *
   * @throws IllegalArgumentException when {@link PlanValidator} finds a problem, listing them all
   */
  public static PlanGraph of(Plan plan) {
    List<PlanProblem> problems = PlanValidator.validate(plan);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "The plan is not valid:\n"
              + problems.stream().map(PlanProblem::toString).collect(Collectors.joining("\n")));
    }
    return new PlanGraph(plan);
  }

  /**
   * A dependency cycle, such as {@code [a, b, a]} for a task {@code a} that depends on {@code b}
   * that depends on {@code a}. It works on plans that are invalid in other ways, so that it can run
   * before a graph is built.
   */
  public static Optional<List<String>> findCycle(Plan plan) {
    return CycleFinder.first(plan);
  }

  /**
   * The tasks grouped by wave: wave k holds the tasks whose longest chain of dependencies has k
   * tasks, so wave 0 needs nothing and each wave can start once the waves before it are done.
   */
  public List<List<String>> waves() {
    int count = tasks.isEmpty() ? 0 : Arrays.stream(depth).max().orElse(0) + 1;
    List<List<String>> waves = new ArrayList<>();
    for (int wave = 0; wave < count; wave++) {
      int k = wave;
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < tasks.size(); i++) {
        if (depth[i] == k) {
          members.add(i);
        }
      }
      members.sort(priorityThenPlanOrder());
      waves.add(ids(members));
    }
    return Collections.unmodifiableList(waves);
  }

  /** The wave of this task: the number of tasks in its longest chain of dependencies. */
  public int waveOf(String id) {
    return depth[index(id)];
  }

  /**
   * The longest chain of dependencies, counted in tasks, from a task that needs nothing to the task
   * that ends it. Among chains of equal length, the one that ends with the earliest task in plan
   * order wins, and each step back takes the earliest dependency in plan order that keeps the
   * length. No run can finish faster than this chain.
   */
  public List<String> criticalPath() {
    if (tasks.isEmpty()) {
      return List.of();
    }
    int last = 0;
    for (int i = 1; i < tasks.size(); i++) {
      if (depth[i] > depth[last]) {
        last = i;
      }
    }
    List<Integer> path = new ArrayList<>();
    for (int node = last; node >= 0; ) {
      path.add(node);
      int next = -1;
      for (int d : dependencies.get(node)) {
        if (depth[d] == depth[node] - 1 && (next == -1 || d < next)) {
          next = d;
        }
      }
      node = next;
    }
    Collections.reverse(path);
    return ids(path);
  }

  /**
   * Every task after all of its dependencies; among the tasks that are ready at the same point,
   * higher priority first and then plan order. This is the order in which finished work is merged.
   */
  public List<String> order() {
    return ids(order);
  }

  /** Every task that depends on this one, directly or through others, in plan order. */
  public Set<String> dependentsOf(String id) {
    boolean[] seen = new boolean[tasks.size()];
    Deque<Integer> stack = new ArrayDeque<>(List.of(index(id)));
    while (!stack.isEmpty()) {
      for (int next : dependents.get(stack.pop())) {
        if (!seen[next]) {
          seen[next] = true;
          stack.push(next);
        }
      }
    }
    Set<String> result = new LinkedHashSet<>();
    for (int i = 0; i < tasks.size(); i++) {
      if (seen[i]) {
        result.add(tasks.get(i).id());
      }
    }
    return Collections.unmodifiableSet(result);
  }

  private List<Integer> topologicalOrder() {
    int[] waitingOn = new int[tasks.size()];
    PriorityQueue<Integer> ready = new PriorityQueue<>(priorityThenPlanOrder());
    for (int i = 0; i < tasks.size(); i++) {
      waitingOn[i] = dependencies.get(i).size();
      if (waitingOn[i] == 0) {
        ready.add(i);
      }
    }
    List<Integer> sorted = new ArrayList<>();
    while (!ready.isEmpty()) {
      int next = ready.poll();
      sorted.add(next);
      for (int dependent : dependents.get(next)) {
        if (--waitingOn[dependent] == 0) {
          ready.add(dependent);
        }
      }
    }
    return sorted;
  }

  private Comparator<Integer> priorityThenPlanOrder() {
    return Comparator.<Integer>comparingInt(i -> tasks.get(i).priority().ordinal())
        .thenComparingInt(i -> i);
  }

  private int index(String id) {
    Integer index = indexOf.get(id);
    if (index == null) {
      throw new IllegalArgumentException("'" + id + "' is not a task of this plan");
    }
    return index;
  }

  private List<String> ids(List<Integer> indexes) {
    return indexes.stream().map(i -> tasks.get(i).id()).toList();
  }
}
