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
}
