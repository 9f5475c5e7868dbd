package dev.braid.starter.cli;

import dev.braid.config.BraidConfig;
import dev.braid.plan.Plan;
import dev.braid.starter.BraidHome;
import dev.braid.starter.config.ConfigOverrides;
import dev.braid.starter.demo.DemoProject;
import dev.braid.starter.run.RunSession;
import dev.braid.starter.run.StartedRun;
import dev.braid.starter.run.Workspace;
import dev.braid.starter.temporal.WorkerMode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code braid demo}: a throwaway repository with a real program and a plan, run end to end. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    header = "Runs a six-task demo plan end to end in a throwaway repository.",
    description = {
      "Creates a throwaway git repository holding a small Python program with tests and a plan of"
          + " six tasks, then runs the plan with braid's scripted agent on the embedded Temporal"
          + " server."
    },
    footer = {"", "Example:", "  braid demo --dir /tmp/braid-demo"})
public class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Where to create the demo repository (default: a new temporary directory).")
  Path dir;

  @Option(
      names = "--json",
      description = "Print one JSON document for scripts instead of progress.")
  boolean json;

  private final RunSession session;
  private final RunFollower follower;

  public DemoCommand(RunSession session, RunFollower follower) {
    this.session = session;
    this.follower = follower;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path target =
        dir == null ? Files.createTempDirectory("braid-demo-") : dir.toAbsolutePath().normalize();
    if (Files.exists(target) && !isEmptyDirectory(target)) {
      throw new UsageError(
          "--dir: " + target + " is not empty; the demo needs a new or empty directory");
    }
    Path repo = DemoProject.create(target, BraidHome.locate());
    if (!json) {
      out.println("Demo repository: " + repo);
      out.flush();
    }
    Workspace ws = Workspace.resolve(repo, null, null);
    Plan plan = PlanLoader.load(ws.planDir());
    BraidConfig config = session.config(ws, ConfigOverrides.none());
    StartedRun run = session.start(ws, plan, config, WorkerMode.FULL);
    int code = follower.follow(run, false, json, out, spec.commandLine().getErr());
    if (!json) {
      out.println();
      out.println("Look around: cd " + repo + " && git log --oneline --graph");
      out.println(
          "The demo's Temporal server keeps running for the Web UI; stop it with: braid server stop --repo "
              + repo);
    }
    return code;
  }

  private static boolean isEmptyDirectory(Path path) throws java.io.IOException {
    if (!Files.isDirectory(path)) {
      return false;
    }
    try (var entries = Files.list(path)) {
      return entries.findAny().isEmpty();
    }
  }
}
