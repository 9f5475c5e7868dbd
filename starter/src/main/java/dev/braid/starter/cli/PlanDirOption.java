package dev.braid.starter.cli;

import dev.braid.starter.run.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --plan} flag of the plan commands. They read a plan and nothing else, so unlike {@link
 * WorkspaceOptions} they need no repository: the default is relative to the current directory.
 */
public class PlanDirOption {
  @Option(
      names = "--plan",
      paramLabel = "DIR",
      description = "The plan directory (default: .parallel/plans).")
  Path plan;

  /** The plan directory, absolute; refused when it does not exist. */
  Path resolve() {
    Path dir = (plan == null ? Workspace.DEFAULT_PLAN : plan).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new UsageError((plan == null ? "no plan at " : "--plan: no such directory: ") + dir);
    }
    return dir;
  }
}
