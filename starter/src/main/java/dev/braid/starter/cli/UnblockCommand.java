package dev.braid.starter.cli;

import dev.braid.starter.run.RunSession;
import dev.braid.starter.run.RunWatcher;
import dev.braid.starter.run.Workspace;
import dev.braid.starter.temporal.Connection;
import dev.braid.starter.temporal.WorkerAnswer;
import dev.braid.starter.temporal.WorkerMode;
import dev.braid.workflow.ExecuteWorkflow;
import dev.braid.workflow.UnblockAction;
import dev.braid.workflow.UnblockRequest;
import dev.braid.workflow.UnblockResult;
import io.temporal.client.WorkflowUpdateException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code braid unblock}: a human's decision for a blocked task. */
@Command(
    name = "unblock",
    mixinStandardHelpOptions = true,
    header = "Decides for a blocked task: run it again, skip it, or take the work you finished.",
    description = {
      "Decides for a blocked task, whatever blocked it: run it again (optionally with guidance for"
          + " the agent, from a given tier), skip it (its dependents are skipped too), or take the"
          + " work you finished by hand in its worktree (braid commits it and runs the checks)."
          + " braid status lists the commands each blocked task allows.",
      "The run checks the decision before taking it: an unknown task, a task that is not"
          + " blocked, a decision its kind does not allow or an unknown tier is refused with the"
          + " run's own message (exit 2). On a cluster a braid worker must be polling; braid says"
          + " so at once when none is."
    },
    footer = {
      "",
      "Examples (the run id and task come from braid status):",
      "  braid unblock braid-demo-0123abcd task-2 --retry --guidance 'use the v2 API'",
      "  braid unblock braid-demo-0123abcd task-2 --skip --json",
      "",
      "The same decision with Temporal's own CLI, as a signal:",
      "  temporal workflow signal -w braid-demo-0123abcd --name unblock \\",
      "    --input '{\"taskId\": \"task-2\", \"action\": \"retry\"}'"
    })
public class UnblockCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin TemporalOptions temporal;

  @Parameters(index = "0", paramLabel = "RUN", description = "The run id (braid status shows it).")
  String runId;

  @Parameters(index = "1", paramLabel = "TASK", description = "The blocked task's id.")
  String taskId;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Decision decision;

  @Option(
      names = "--guidance",
      paramLabel = "TEXT",
      description = "With --retry: text the agent receives in BRAID_GUIDANCE_FILE.")
  String guidance;

  @Option(
      names = "--tier",
      paramLabel = "NAME",
      description = "With --retry: the tier to start from (default: the first).")
  String tier;

  @Option(
      names = "--budget",
      paramLabel = "USD",
      description =
          "With --retry: the task's new budget in US dollars (for a task the run's budget held"
              + " back: the run's), such as 4.00.")
  Double budget;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "For the embedded server: the repository (default: the current one).")
  Path repo;

  @Option(names = "--json", description = "Print one JSON document for scripts.")
  boolean json;

  /** The {@code --json} document: the decision the run took, in its own words. */
  record Decided(String runId, String taskId, String action, String message) {}

  /** Exactly one decision. */
  static class Decision {
    @Option(names = "--retry", required = true, description = "Run the agent tiers again.")
    boolean retry;

    @Option(
        names = "--skip",
        required = true,
        description = "Give the task up; its dependents are skipped.")
    boolean skip;

    @Option(
        names = "--done",
        required = true,
        description = "You finished the work in the worktree; commit it and run the checks.")
    boolean done;

    UnblockAction action() {
      return retry ? UnblockAction.RETRY : skip ? UnblockAction.SKIP : UnblockAction.DONE;
    }
  }

  private final RunSession session;

  public UnblockCommand(RunSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    UnblockAction action = decision.action();
    if (action != UnblockAction.RETRY && (guidance != null || tier != null || budget != null)) {
      throw new UsageError("--guidance, --tier and --budget go with --retry only");
    }
    if (budget != null && !(budget > 0)) {
      throw new UsageError("--budget: must be more than 0 US dollars, not " + budget);
    }
    PrintWriter out = spec.commandLine().getOut();
    Path root = Workspace.resolveRepo(repo);
    // Its worker may run the task again: it reads the same braid.yaml an execute here would.
    Workspace workspace = new Workspace(root, null, root.resolve("braid.yaml"), false);
    // A workflow worker lets the embedded server run the update's validator and handler.
    Connection connection = session.connect(workspace, WorkerMode.WORKFLOWS);
    if (new RunWatcher(connection, runId).describe().isEmpty()) {
      throw new UsageError("no run " + runId + " on " + connection.address());
    }
    ExecuteWorkflow run = connection.client().newWorkflowStub(ExecuteWorkflow.class, runId);
    try {
      UnblockResult result =
          WorkerAnswer.await(
              connection,
              "the decision",
              () -> run.unblock(new UnblockRequest(taskId, action, guidance, tier, budget)));
      if (json) {
        CliJson.print(
            out,
            new Decided(
                runId, taskId, action.name().toLowerCase(java.util.Locale.ROOT), result.message()));
        return ExitCodes.DONE;
      }
      out.println(result.message() + ".");
      out.println("Follow the run: braid status " + runId + " --watch");
      return ExitCodes.DONE;
    } catch (WorkflowUpdateException e) {
      // The validator's own words, as they are: it knows the task, its kind and its decisions.
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String message =
          cause instanceof io.temporal.failure.ApplicationFailure app
              ? app.getOriginalMessage()
              : cause.getMessage();
      throw new UsageError(message);
    }
  }
}
