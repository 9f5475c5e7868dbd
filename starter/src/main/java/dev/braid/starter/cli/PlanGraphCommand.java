package dev.braid.starter.cli;

import dev.braid.activities.plan.PlanOverlaps;
import dev.braid.config.OverlapPolicy;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanGraph;
import dev.braid.plan.PlanGraphRenderer;
import dev.braid.plan.SoftEdge;
import dev.braid.plan.SoftEdges;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code braid plan graph}: the waves of tasks that can run together, and the critical path. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    header = "Prints the plan's waves of tasks that can run together, and its critical path.",
    description = {
      "A wave holds the tasks whose dependencies are all in earlier waves; the critical path is"
          + " the longest chain of dependencies. --dot prints Graphviz DOT instead, --json one"
          + " JSON document. Tasks that may run at the same time and declare the same files"
          + " are listed after the waves, with who waits for whom under overlap: serialize"
          + " (dashed edges in DOT)."
    },
    footer = {
      "",
      "Examples:",
      "  braid plan graph",
      "  braid plan graph --dot > plan.dot && dot -Tsvg plan.dot > plan.svg",
      "  braid plan graph --json"
    })
public class PlanGraphCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PlanDirOption plan;

  @Option(names = "--dot", description = "Print Graphviz DOT instead of text.")
  boolean dot;

  @Option(names = "--json", description = "Print one JSON document for scripts.")
  boolean json;

  /** One task in {@code --json}: where it stands in the graph. */
  record GraphTask(String id, String title, String priority, List<String> dependencies, int wave) {}

  /** The {@code --json} document. */
  record Graph(
      String plan,
      List<List<String>> waves,
      List<String> criticalPath,
      List<GraphTask> tasks,
      List<OverlapJson> overlaps,
      List<String> undeclaredFiles) {}

  @Override
  public Integer call() {
    Plan loaded = PlanLoader.load(plan.resolve());
    PlanGraph graph = PlanGraph.of(loaded);
    if (json && dot) {
      throw new UsageError("--json and --dot: choose one");
    }
    PlanOverlaps overlaps = PlanOverlaps.of(loaded);
    if (json) {
      List<GraphTask> tasks =
          loaded.tasks().stream()
              .map(
                  t ->
                      new GraphTask(
                          t.id(),
                          t.title(),
                          t.priority().yamlName(),
                          t.dependencies(),
                          waveNumber(graph.waves(), t.id())))
              .toList();
      CliJson.print(
          spec.commandLine().getOut(),
          new Graph(
              loaded.name(),
              graph.waves(),
              graph.criticalPath(),
              tasks,
              OverlapJson.of(loaded, overlaps, plan.overlapPolicy()),
              overlaps.undeclared()));
      return ExitCodes.DONE;
    }
    spec.commandLine()
        .getOut()
        .print(
            dot
                ? PlanGraphRenderer.dot(loaded, graph, softEdges(loaded, overlaps))
                : PlanGraphRenderer.text(loaded, graph)
                    + paragraph(OverlapText.of(loaded, overlaps, plan.overlapPolicy())));
    return ExitCodes.DONE;
  }

  /** The soft edges braid will keep, drawn dashed in DOT; none unless overlap is serialize. */
  private List<SoftEdge> softEdges(Plan loaded, PlanOverlaps overlaps) {
    return plan.overlapPolicy() == OverlapPolicy.SERIALIZE
        ? SoftEdges.of(loaded, overlaps.overlaps())
        : List.of();
  }

  /** The text after a blank line, or nothing when there is no text. */
  private static String paragraph(String text) {
    return text.isEmpty() ? "" : "\n" + text;
  }

  /** The 1-based wave that holds the task, as the text output numbers them. */
  private static int waveNumber(List<List<String>> waves, String id) {
    for (int i = 0; i < waves.size(); i++) {
      if (waves.get(i).contains(id)) {
        return i + 1;
      }
    }
    return 0;
  }
}
