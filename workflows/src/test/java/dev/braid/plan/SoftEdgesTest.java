package dev.braid.plan;

import static dev.braid.plan.TestPlans.plan;
import static dev.braid.plan.TestPlans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Which task of an overlapping pair goes first, and that soft edges never close a cycle. */
class SoftEdgesTest {

  private static FileOverlap overlap(String a, String b) {
    return new FileOverlap(a, b, List.of("src/shared.py"));
  }

  @Test
  void theHigherPriorityGoesFirstAndTheOtherWaitsForItsMerge() {
    Plan p = plan(task("a", Priority.LOW), task("b", Priority.HIGH));

    List<SoftEdge> edges = SoftEdges.of(p, List.of(overlap("a", "b")));

    assertEquals(List.of(new SoftEdge("b", "a", List.of("src/shared.py"))), edges);
  }

  @Test
  void atTheSamePriorityPlanOrderDecides() {
    Plan p = plan(task("a"), task("b"));

    assertEquals("a", SoftEdges.of(p, List.of(overlap("a", "b"))).get(0).before());
  }

  @Test
  void aTaskThatCanStartAtOnceIsNotHeldBehindOneThatWaitsForItsDependencies() {
    // b outranks a, but b needs x first: a goes first, rather than waiting for x and then b.
    Plan p = plan(task("x"), task("a", Priority.LOW), task("b", Priority.HIGH, "x"));

    List<SoftEdge> edges = SoftEdges.of(p, List.of(overlap("a", "b")));

    assertEquals("a", edges.get(0).before(), edges.toString());
    assertEquals("b", edges.get(0).after());
  }

  @Test
  void anOverlapAlreadyOrderedThroughEarlierSoftEdgesGetsNoEdge() {
    // a before b, b before c: a and c are apart already, and a third edge would add nothing.
    Plan p = plan(task("a", Priority.HIGH), task("b"), task("c", Priority.LOW));

    List<SoftEdge> edges =
        SoftEdges.of(p, List.of(overlap("a", "b"), overlap("b", "c"), overlap("a", "c")));

    assertEquals(
        List.of("a>b", "b>c"), edges.stream().map(e -> e.before() + ">" + e.after()).toList());
  }

  @Test
  void anEdgeThatWouldCloseACycleWithADependencyIsNotAdded() {
    // b depends on a; c outranks a, and b outranks c. c goes before a; then c already comes before
    // b, through a, so the second overlap adds nothing: b's priority alone would have put b before
    // c and closed the cycle b, c, a, b.
    Plan p =
        plan(task("a", Priority.LOW), task("b", Priority.HIGH, "a"), task("c", Priority.MEDIUM));

    List<SoftEdge> edges = SoftEdges.of(p, List.of(overlap("a", "c"), overlap("b", "c")));

    assertEquals(1, edges.size(), edges.toString());
    assertEquals(new SoftEdge("c", "a", List.of("src/shared.py")), edges.get(0));
    assertAcyclicAndOrdered(p, List.of(overlap("a", "c"), overlap("b", "c")), edges);
  }

  @Test
  void onRandomPlansSoftEdgesNeverCloseACycleAndEveryOverlapEndsOrdered() {
    Random random = new Random(16);
    for (int round = 0; round < 500; round++) {
      int n = 2 + random.nextInt(9);
      List<PlanTask> tasks = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        List<String> deps = new ArrayList<>();
        for (int d = 0; d < i; d++) {
          if (random.nextInt(4) == 0) {
            deps.add("t" + d);
          }
        }
        Priority priority = Priority.values()[random.nextInt(Priority.values().length)];
        tasks.add(task("t" + i, priority, deps.toArray(String[]::new)));
      }
      Plan p = plan(tasks.toArray(PlanTask[]::new));
      PlanGraph graph = PlanGraph.of(p);
      List<FileOverlap> overlaps = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          boolean apart =
              graph.dependentsOf("t" + i).contains("t" + j)
                  || graph.dependentsOf("t" + j).contains("t" + i);
          if (!apart && random.nextInt(3) == 0) {
            overlaps.add(overlap("t" + i, "t" + j));
          }
        }
      }
      assertAcyclicAndOrdered(p, overlaps, SoftEdges.of(p, overlaps));
    }
  }

  /** Hard and soft edges together have no cycle, and each overlapping pair is ordered by them. */
  private static void assertAcyclicAndOrdered(
      Plan p, List<FileOverlap> overlaps, List<SoftEdge> edges) {
    Map<String, List<String>> after = new HashMap<>();
    for (PlanTask t : p.tasks()) {
      after.computeIfAbsent(t.id(), k -> new ArrayList<>());
      for (String d : t.dependencies()) {
        after.computeIfAbsent(d, k -> new ArrayList<>()).add(t.id());
      }
    }
    edges.forEach(e -> after.get(e.before()).add(e.after()));
    for (PlanTask t : p.tasks()) {
      for (String next : after.get(t.id())) {
        assertTrue(!reaches(after, next, t.id()), "cycle through " + t.id() + " in " + edges);
      }
    }
    for (FileOverlap o : overlaps) {
      assertTrue(
          reaches(after, o.first(), o.second()) || reaches(after, o.second(), o.first()),
          o + " is not ordered by " + edges);
    }
  }

  private static boolean reaches(Map<String, List<String>> after, String from, String to) {
    List<String> todo = new ArrayList<>(List.of(from));
    java.util.Set<String> seen = new java.util.HashSet<>();
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
