package dev.braid.starter.cli;

import dev.braid.starter.run.PlanLocation;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --plan} flag of the plan commands. They read a plan and nothing else, so unlike {@link
 * WorkspaceOptions} they need no repository: the default is relative to the current directory.
 */
public class PlanDirOption {
  @Option(
      names = "--plan",
      paramLabel = "DIR|plan.yaml",
      description =
          "The plan directory or its plan.yaml (default: .parallel/plans, then"
              + " .parallel/plans/active).")
  Path plan;

  /** The plan directory, absolute; refused when it does not exist. */
  Path resolve() {
    return PlanLocation.resolve(Path.of(""), plan);
  }
}
