package dev.braid.starter.cli;

import dev.braid.activities.cleanup.RunCleaner;
import dev.braid.activity.CleanupRequest;
import dev.braid.activity.CleanupResult;
import dev.braid.config.BraidConfig;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import dev.braid.starter.config.ConfigLoader;
import dev.braid.starter.config.ConfigOverrides;
import dev.braid.starter.run.Workspace;
import java.io.PrintWriter;
import java.time.LocalDate;
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
    description = {
      "Removes the plan's task worktrees, deletes the task branches the target contains (locally",
      "and on the remote), removes the run's integration worktree and branch, prunes git's",
      "worktree records, and copies the plan to .parallel/archive/<plan dir>-<date>/.",
      "Never deletes work: a worktree with uncommitted changes, and a branch with commits the",
      "target lacks, are kept, and the reason is printed. Running it again is safe.",
      "RUN defaults to the run of the plan in this repository; it names the integration branch."
    })
public class CleanupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin WorkspaceOptions workspace;

  @Mixin RunArgument run;

  @Option(
      names = "--target",
      paramLabel = "BRANCH",
      description =
          "The branch the work was merged into (default: braid.yaml's merge.target, else the"
              + " current branch).")
  String target;

  @Option(names = "--no-archive", description = "Do not copy the plan to .parallel/archive/.")
  boolean noArchive;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Workspace ws = workspace.resolve();
    Plan plan = PlanLoader.load(ws.planDir());
    String id = run.idOr(ws, plan);
    BraidConfig config =
        ConfigLoader.load(
            ws.configFile(), ws.configNamed(), ws.currentBranch(), ConfigOverrides.none());
    String into = target != null ? target : config.merge().target();
    CleanupRequest request =
        new CleanupRequest(
            ws.repo().toString(),
            id,
            ws.planDir().toString(),
            into,
            config.merge().remote(),
            plan.tasks().stream().map(PlanTask::id).toList(),
            !noArchive,
            LocalDate.now().toString());
    CleanupResult result;
    try {
      result = new RunCleaner().clean(request);
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage());
    }
    print(id, into, result, out);
    return ExitCodes.DONE;
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
