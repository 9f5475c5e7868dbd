package dev.braid.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Draws a plan's graph for people: as text for the terminal ({@code braid plan graph}) and as
 * Graphviz DOT ({@code braid plan graph --dot}). Both are deterministic, so they can be compared in
 * tests and diffed between plan versions.
 */
public final class PlanGraphRenderer {

  private PlanGraphRenderer() {}

  /**
   * The waves, each task with its id, priority and title, and then the critical path. Waves are
   * numbered from 1 for people; wave 1 is {@link PlanGraph#waves()}'s first.
   */
  public static String text(Plan plan, PlanGraph graph) {
    List<List<String>> waves = graph.waves();
    int idWidth = plan.tasks().stream().mapToInt(t -> t.id().length()).max().orElse(0);
    StringBuilder out = new StringBuilder();
    out.append("Plan: ").append(oneLine(plan.name())).append('\n');
    out.append(count(plan.tasks().size(), "task"))
        .append(" in ")
        .append(count(waves.size(), "wave"))
        .append('\n');
    for (int wave = 0; wave < waves.size(); wave++) {
      out.append('\n').append("Wave ").append(wave + 1).append('\n');
      for (String id : waves.get(wave)) {
        PlanTask task = plan.task(id).orElseThrow();
        String line =
            "  "
                + pad(id, idWidth)
                + "  "
                + pad(task.priority().yamlName(), "blocker".length())
                + "  "
                + oneLine(task.title());
        out.append(line.stripTrailing()).append('\n');
      }
    }
    List<String> path = graph.criticalPath();
    out.append('\n')
        .append("Critical path (")
        .append(count(path.size(), "task"))
        .append("): ")
        .append(path.isEmpty() ? "none" : String.join(" -> ", path))
        .append('\n');
    return out.toString();
  }

  /**
   * Graphviz DOT. Arrows run from a dependency to the task that needs it, the way work flows, and
   * the critical path is drawn in red.
   */
  public static String dot(Plan plan, PlanGraph graph) {
    return dot(plan, graph, List.of());
  }

  /**
   * Graphviz DOT with the soft edges of {@code overlap: serialize} drawn dashed, labelled with the
   * files both tasks declare.
   */
  public static String dot(Plan plan, PlanGraph graph, List<SoftEdge> softEdges) {
    List<String> path = graph.criticalPath();
    Set<String> criticalEdges = new HashSet<>();
    for (int i = 1; i < path.size(); i++) {
      criticalEdges.add(path.get(i - 1) + "\n" + path.get(i));
    }
    StringBuilder out = new StringBuilder();
    out.append("digraph ").append(quote(plan.name())).append(" {\n");
    out.append("  rankdir=LR;\n");
    out.append("  node [shape=box, style=rounded];\n");
    for (PlanTask task : plan.tasks()) {
      String label = task.id() + "\n[" + task.priority().yamlName() + "] " + oneLine(task.title());
      out.append("  ").append(quote(task.id())).append(" [label=").append(quote(label));
      out.append(path.contains(task.id()) ? ", color=red" : "").append("];\n");
    }
    for (PlanTask task : plan.tasks()) {
      for (String dependency : task.dependencies()) {
        boolean critical = criticalEdges.contains(dependency + "\n" + task.id());
        out.append("  ").append(quote(dependency)).append(" -> ").append(quote(task.id()));
        out.append(critical ? " [color=red, penwidth=2]" : "").append(";\n");
      }
    }
    for (SoftEdge edge : softEdges) {
      out.append("  ").append(quote(edge.before())).append(" -> ").append(quote(edge.after()));
      out.append(" [style=dashed, label=").append(quote(String.join("\n", edge.paths())));
      out.append("];\n");
    }
    return out.append("}\n").toString();
  }

  /** A DOT quoted string: backslashes and quotes escaped, line breaks as DOT's {@code \n}. */
  private static String quote(String text) {
    String escaped =
        (text == null ? "" : text)
            .replace("\\", "\\\\")
            .replace("\"", "\\\"")
            .replace("\r", "")
            .replace("\n", "\\n");
    return '"' + escaped + '"';
  }

  /** Titles come from files that people write; control characters would break the layout. */
  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\p{Cntrl}+", " ").strip();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
