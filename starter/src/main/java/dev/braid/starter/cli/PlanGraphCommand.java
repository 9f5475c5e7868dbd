package dev.braid.starter.cli;

import dev.braid.plan.Plan;
import dev.braid.plan.PlanGraph;
import dev.braid.plan.PlanGraphRenderer;
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
    description = "Prints the plan's waves and critical path, or Graphviz DOT with --dot.")
public class PlanGraphCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PlanDirOption plan;

  @Option(names = "--dot", description = "Print Graphviz DOT instead of text.")
  boolean dot;

  @Override
  public Integer call() {
    Plan loaded = PlanLoader.load(plan.resolve());
    PlanGraph graph = PlanGraph.of(loaded);
    spec.commandLine()
        .getOut()
        .print(dot ? PlanGraphRenderer.dot(loaded, graph) : PlanGraphRenderer.text(loaded, graph));
    return ExitCodes.DONE;
  }
}
