package dev.braid.starter.cli;

import dev.braid.plan.Plan;
import dev.braid.plan.PlanProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code braid plan validate}: exit 0 for a plan that can run, 2 with every problem otherwise. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    header = "Checks a plan and lists every problem, each with its file, task and field.",
    description = {
      "Reads the plan as execute would and lists every problem at once (exit 2), or says it can"
          + " run (exit 0). Nothing is started either way."
    },
    footer = {
      "",
      "Examples:",
      "  braid plan validate",
      "  braid plan validate --plan .parallel/plans --json"
    })
public class PlanValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PlanDirOption plan;

  @Option(names = "--json", description = "Print one JSON document for scripts.")
  boolean json;

  /**
   * The {@code --json} document.
   *
   * @param ok whether the plan can run
   * @param planDir the plan directory read
   * @param plan the plan's name, or null when it cannot run
   * @param tasks how many tasks it has, or 0 when it cannot run
   * @param problems every problem, empty when it can run
   */
  record Validation(
      boolean ok, String planDir, String plan, int tasks, List<PlanProblem> problems) {}

  @Override
  public Integer call() {
    Path dir = plan.resolve();
    PrintWriter out = spec.commandLine().getOut();
    if (!json) {
      Plan loaded = PlanLoader.load(dir);
      out.printf("OK: plan '%s' in %s, %d tasks%n", loaded.name(), dir, loaded.tasks().size());
      return ExitCodes.DONE;
    }
    try {
      Plan loaded = PlanLoader.load(dir);
      CliJson.print(
          out,
          new Validation(true, dir.toString(), loaded.name(), loaded.tasks().size(), List.of()));
      return ExitCodes.DONE;
    } catch (PlanLoader.PlanRejected rejected) {
      CliJson.print(out, new Validation(false, dir.toString(), null, 0, rejected.problems));
      return ExitCodes.USAGE;
    }
  }
}
