package dev.braid.starter.cli;

import dev.braid.activities.cleanup.RunCleaner;
import dev.braid.activities.plan.PlanReader;
import dev.braid.activity.CleanupRequest;
import dev.braid.activity.CleanupResult;
import dev.braid.config.BraidConfig;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import dev.braid.starter.config.ConfigLoader;
import dev.braid.starter.config.ConfigOverrides;
import dev.braid.starter.run.RunExecutions;
import dev.braid.starter.run.RunIds;
import dev.braid.starter.run.RunInput;
import dev.braid.starter.run.RunRef;
import dev.braid.starter.run.RunSession;
import dev.braid.starter.run.Workspace;
import dev.braid.starter.temporal.Connection;
import dev.braid.starter.temporal.WorkerMode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code braid cleanup}: removes what a finished run left behind, in this process, with no
 * workflow. The same {@link RunCleaner} is the cleanup activity's engine, so both keep the same
 * promise: a worktree with uncommitted changes and a branch with unmerged commits are kept.
 */
@Command(
    name = "cleanup",
    mixinStandardHelpOptions = true,
    header = "Removes what a finished run left behind, never any work the target lacks.",
    description = {
      "Removes the plan's task worktrees, deletes the task branches the target contains (locally"
          + " and on the remote), removes the run's integration worktree and branch, prunes git's"
          + " worktree records, and copies the plan to .parallel/archive/<plan dir>-<date>/.",
      "Never deletes work: a worktree with uncommitted changes, and a branch with commits the"
          + " target lacks, are kept, and the reason is printed. Running it again is safe.",
      "RUN defaults to the run of the plan in this repository; it names the integration branch."
          + " A named run that is not this plan's is looked up in Temporal: its own input says"
          + " where its plan is and which branch it merged into."
    },
    footer = {"", "Examples:", "  braid cleanup", "  braid cleanup --no-archive --json"})
public class CleanupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin TemporalOptions temporal;

  @Mixin WorkspaceOptions workspace;

  @Mixin RunArgument run;

  @Option(
      names = "--target",
      paramLabel = "BRANCH",
      description =
          "The branch the work was merged into (default: the run's merge target, else braid.yaml's"
              + " merge.target, else the current branch).")
  String target;

  @Option(names = "--no-archive", description = "Do not copy the plan to .parallel/archive/.")
  boolean noArchive;

  @Option(names = "--json", description = "Print one JSON document for scripts.")
  boolean json;

  /** The {@code --json} document: what was removed and what was kept, and why. */
  record Cleaned(String runId, String target, CleanupResult result) {}

  private final RunSession session;

  public CleanupCommand(RunSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Workspace ws = workspace.resolve(run);
    RunInput input = runInput(ws).orElse(null);
    Plan plan = PlanLoader.load(input != null ? input.planDir() : planDirOrFail(ws));
    String id = run.named() ? run.ref().workflowId() : run.idOr(ws, plan);
    BraidConfig config =
        ConfigLoader.load(
            ws.configFile(), ws.configNamed(), ws.currentBranch(), ConfigOverrides.none());
    String into =
        target != null
            ? target
            : input != null && input.target() != null ? input.target() : config.merge().target();
    String remote =
        input != null && input.remote() != null ? input.remote() : config.merge().remote();
    CleanupRequest request =
        new CleanupRequest(
            ws.repo().toString(),
            id,
            (input != null ? input.planDir() : ws.planDir()).toString(),
            into,
            remote,
            plan.tasks().stream().map(PlanTask::id).toList(),
            !noArchive,
            LocalDate.now().toString());
    CleanupResult result;
    try {
      result = new RunCleaner().clean(request);
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage());
    }
    if (json) {
      CliJson.print(out, new Cleaned(id, into, result));
    } else {
      print(id, into, result, out);
    }
    return ExitCodes.DONE;
  }

  /**
   * The named run's own input, when the workspace's plan is not known to be that run's: no plan in
   * the default places, or a plan whose run has another id. A plan named with {@code --plan}, or
   * the workspace's own run, needs no server.
   */
  private Optional<RunInput> runInput(Workspace ws) {
    if (!run.named() || workspace.planNamed()) {
      return Optional.empty();
    }
    RunRef ref = run.ref();
    if (ws.planDir() != null) {
      var local = new PlanReader().read(ws.planDir());
      if (local.ok()
          && RunIds.forPlan(ws.repo(), ws.planDir(), local.plan().name())
              .equals(ref.workflowId())) {
        return Optional.empty();
      }
    }
    Connection connection = session.connect(ws, WorkerMode.NONE);
    return RunExecutions.describe(connection, ref).flatMap(e -> RunInput.of(connection, e));
  }

  private static java.nio.file.Path planDirOrFail(Workspace ws) {
    if (ws.planDir() == null) {
      // The run is unknown to Temporal and there is no plan here: say where braid looked.
      return Workspace.resolve(ws.repo(), null, null).planDir();
    }
    return ws.planDir();
  }

  private static void print(String runId, String target, CleanupResult result, PrintWriter out) {
    out.println("Cleanup of run " + runId + " (merged work is judged against " + target + "):");
    result.removedWorktrees().forEach(w -> out.println("  removed worktree  " + w));
    result.deletedBranches().forEach(b -> out.println("  deleted branch    " + b));
    result.keptBranches().forEach(k -> out.println("  kept              " + k));
    if (result.archivedTo() != null) {
      out.println("  plan archived in  " + result.archivedTo());
    }
    if (result.removedWorktrees().isEmpty()
        && result.deletedBranches().isEmpty()
        && result.keptBranches().isEmpty()) {
      out.println("  nothing left to remove");
    }
  }
}
