package dev.braid.starter.cli;

import dev.braid.config.BraidConfig;
import dev.braid.config.MergeMode;
import dev.braid.config.OverlapPolicy;
import dev.braid.plan.Plan;
import dev.braid.starter.config.ConfigOverrides;
import dev.braid.starter.run.RunSession;
import dev.braid.starter.run.StartedRun;
import dev.braid.starter.run.Workspace;
import dev.braid.starter.temporal.WorkerMode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code braid execute}: starts the plan's run, or attaches to it, and follows it to its end. */
@Command(
    name = "execute",
    mixinStandardHelpOptions = true,
    header =
        "Runs the plan as parallel agent tasks and merges the results, or attaches to its run.",
    footer = {"", "Examples:", "  braid execute", "  braid execute --max-parallel 2 --detach"},
    description = {
      "Runs the plan: one task workflow per task, as soon as its dependencies are done, then the merge.",
      "A second execute of the same plan attaches to the running run. Ctrl-C detaches; the run stays in Temporal.",
      "When the plan's last run is done, execute says so and starts nothing (unless --rerun); when"
          + " it ended failed, cancelled or terminated, a new run of the same id continues what is"
          + " left. On a cluster a braid worker must be polling; braid says so at once when none is."
    })
public class ExecuteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin TemporalOptions temporal;

  @Mixin WorkspaceOptions workspace;

  @Option(
      names = "--max-parallel",
      paramLabel = "N",
      description = "Tasks that may run at once (default: braid.yaml's maxParallel, else 4).")
  Integer maxParallel;

  @Option(
      names = "--merge",
      paramLabel = "MODE",
      description = "direct or none (default: braid.yaml's merge.mode, else direct).")
  String merge;

  @Option(
      names = "--overlap",
      paramLabel = "POLICY",
      description = {
        "serialize, warn or ignore: what to do about tasks that may run together and declare the",
        "same files (default: braid.yaml's overlap, else serialize)."
      })
  String overlap;

  @Option(names = "--rerun", description = "Start a new run even when the plan's last run is done.")
  boolean rerun;

  @Option(names = "--detach", description = "Start the run and return at once.")
  boolean detach;

  @Option(
      names = ExecutePlan.TRANSCRIPT_OPTION,
      arity = "0..1",
      fallbackValue = "",
      paramLabel = "FILE",
      description = {
        "With no plan on disk, take the plan made in a Claude Code session (as /ctx:execute does):",
        "FILE, else the current session's transcript. Inside Claude Code this is the default."
      })
  String fromTranscript;

  @Option(
      names = "--json",
      description = "Print one JSON document for scripts instead of progress.")
  boolean json;

  private final RunSession session;
  private final RunFollower follower;

  public ExecuteCommand(RunSession session, RunFollower follower) {
    this.session = session;
    this.follower = follower;
  }

  @Override
  public Integer call() throws Exception {
    // Everything the user can get wrong is refused before a plan is taken from a transcript and
    // written to .parallel/plans/: bad input must leave nothing behind.
    ConfigOverrides overrides = new ConfigOverrides(maxParallel, mergeMode(), overlapPolicy());
    BraidConfig config = session.config(workspace.resolveWithoutPlan(), overrides);
    session.checkTemporalSettings();
    Workspace ws =
        ExecutePlan.resolve(
            workspace, fromTranscript, System.getenv(), spec.commandLine().getErr());
    Plan plan = PlanLoader.load(ws.planDir());
    if (!json) {
      spec.commandLine().getErr().print(OverlapText.atLaunch(plan, config.overlap()));
    }
    StartedRun run =
        session.start(ws, plan, config, detach ? WorkerMode.WORKFLOWS : WorkerMode.FULL, rerun);
    return follower.follow(
        run, detach, json, spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** {@code --merge}, or null when not given. */
  private MergeMode mergeMode() {
    if (merge == null) {
      return null;
    }
    return MergeMode.parse(merge)
        .orElseThrow(
            () -> new UsageError("--merge: must be direct, pr or none, not '" + merge + "'"));
  }

  /** {@code --overlap}, or null when not given. */
  private OverlapPolicy overlapPolicy() {
    if (overlap == null) {
      return null;
    }
    return OverlapPolicy.parse(overlap)
        .orElseThrow(
            () ->
                new UsageError(
                    "--overlap: must be serialize, warn or ignore, not '" + overlap + "'"));
  }
}
