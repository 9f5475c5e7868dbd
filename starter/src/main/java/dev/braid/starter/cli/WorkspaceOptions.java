package dev.braid.starter.cli;

import dev.braid.starter.run.Workspace;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The flags that say which repository, plan and config a command works on. */
public class WorkspaceOptions {
  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "The git repository (default: the one holding the current directory).")
  Path repo;

  @Option(
      names = "--plan",
      paramLabel = "DIR|plan.yaml",
      description =
          "The plan directory or its plan.yaml (default: <repo>/.parallel/plans, then"
              + " <repo>/.parallel/plans/active).")
  Path plan;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The config file (default: <repo>/braid.yaml).")
  Path config;

  /** Resolves the flags against the current directory. */
  public Workspace resolve() {
    return Workspace.resolve(repo, plan, config);
  }

  /** Resolves the flags but the plan, whose directory may not be written yet. */
  public Workspace resolveWithoutPlan() {
    return Workspace.resolveWithoutPlan(repo, config);
  }

  /**
   * Resolves the flags for a command that may name its run: then the run says where its plan is,
   * and the plan directory is null when there is none in the default places.
   */
  public Workspace resolve(RunArgument run) {
    return run.named() ? Workspace.resolveForNamedRun(repo, plan, config) : resolve();
  }

  /** Whether the user named the plan with {@code --plan}. */
  boolean planNamed() {
    return plan != null;
  }
}
