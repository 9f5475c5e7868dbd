package dev.braid.starter.cli;

import dev.braid.config.OverlapPolicy;
import dev.braid.starter.config.ConfigLoader;
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

  @Option(
      names = "--overlap",
      paramLabel = "POLICY",
      description =
          "serialize, warn or ignore: what braid does about overlapping tasks, for the report"
              + " (default: ./braid.yaml's overlap, else serialize).")
  String overlap;

  /** What braid will do about overlaps: the flag, else {@code ./braid.yaml}, else the default. */
  OverlapPolicy overlapPolicy() {
    if (overlap != null) {
      return OverlapPolicy.parse(overlap)
          .orElseThrow(
              () ->
                  new UsageError(
                      "--overlap: must be serialize, warn or ignore, not '" + overlap + "'"));
    }
    return ConfigLoader.overlapPolicy(Path.of("braid.yaml").toAbsolutePath());
  }

  /** The plan directory, absolute; refused when it does not exist. */
  Path resolve() {
    return PlanLocation.resolve(Path.of(""), plan);
  }
}
