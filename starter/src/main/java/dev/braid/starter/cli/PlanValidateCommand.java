package dev.braid.starter.cli;

import dev.braid.activities.plan.PlanOverlaps;
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
          + " run (exit 0). Nothing is started either way.",
      "It also lists tasks that may run at the same time and declare the same files under"
          + " 'Files to Touch' or 'Potential Conflicts' (a warning: the exit code stays 0)."
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
   * @param overlaps tasks that may run at the same time and declare the same files; a warning
   * @param undeclaredFiles tasks that declare no files, whose overlaps are unknown
   */
  record Validation(
      boolean ok,
      String planDir,
      String plan,
      int tasks,
      List<PlanProblem> problems,
      List<OverlapJson> overlaps,
      List<String> undeclaredFiles) {}

  @Override
  public Integer call() {
    Path dir = plan.resolve();
    PrintWriter out = spec.commandLine().getOut();
    if (!json) {
      Plan loaded = PlanLoader.load(dir);
      out.printf("OK: plan '%s' in %s, %d tasks%n", loaded.name(), dir, loaded.tasks().size());
      out.print(OverlapText.of(loaded, PlanOverlaps.of(loaded), plan.overlapPolicy()));
      return ExitCodes.DONE;
    }
    try {
      Plan loaded = PlanLoader.load(dir);
      PlanOverlaps overlaps = PlanOverlaps.of(loaded);
      CliJson.print(
          out,
          new Validation(
              true,
              dir.toString(),
              loaded.name(),
              loaded.tasks().size(),
              List.of(),
              OverlapJson.of(loaded, overlaps, plan.overlapPolicy()),
              overlaps.undeclared()));
      return ExitCodes.DONE;
    } catch (PlanLoader.PlanRejected rejected) {
      CliJson.print(
          out,
          new Validation(false, dir.toString(), null, 0, rejected.problems, List.of(), List.of()));
      return ExitCodes.USAGE;
    }
  }
}
