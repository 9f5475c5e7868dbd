package dev.braid.starter.cli;

import dev.braid.plan.Plan;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code braid plan validate}: exit 0 for a plan that can run, 2 with every problem otherwise. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Checks a plan and lists every problem, each with its file, task and field.")
public class PlanValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin PlanDirOption plan;

  @Override
  public Integer call() {
    Path dir = plan.resolve();
    Plan loaded = PlanLoader.load(dir);
    spec.commandLine()
        .getOut()
        .printf("OK: plan '%s' in %s, %d tasks%n", loaded.name(), dir, loaded.tasks().size());
    return ExitCodes.DONE;
  }
}
