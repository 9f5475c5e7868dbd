package dev.braid.starter.cli;

import dev.braid.starter.run.RunSession;
import dev.braid.starter.run.RunWatcher;
import dev.braid.starter.run.Workspace;
import dev.braid.starter.temporal.Connection;
import dev.braid.starter.temporal.WorkerMode;
import dev.braid.workflow.ExecuteWorkflow;
import dev.braid.workflow.RunStatus;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code braid cancel}: stops a run and undoes what it created that holds no work. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    header = "Cancels a run and removes what it created that holds no work.",
    description = {
      "Cancels a run: its tasks stop (their agents' process trees are killed), then braid removes"
          + " the worktrees and branches that hold no work the target lacks, and says what it"
          + " kept. The removal runs on a braid worker: on a cluster one must be polling."
    },
    footer = {
      "",
      "Example (the run id comes from braid status or braid list):",
      "  braid cancel braid-demo-0123abcd"
    })
public class CancelCommand implements Callable<Integer> {
  private static final Duration WAIT = Duration.ofMinutes(10);

  @Spec CommandSpec spec;

  @Mixin TemporalOptions temporal;

  @Parameters(index = "0", paramLabel = "RUN", description = "The run id (braid status shows it).")
  String runId;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "For the embedded server: the repository (default: the current one).")
  Path repo;

  @Option(names = "--json", description = "Print one JSON document for scripts.")
  boolean json;

  /** The {@code --json} document: how the run ended, and what its compensation kept. */
  record Cancelled(String runId, boolean stopped, String message) {}

  private final RunSession session;

  public CancelCommand(RunSession session) {
    this.session = session;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Path root = Workspace.resolveRepo(repo);
    // Its worker may run the task again: it reads the same braid.yaml an execute here would.
    Workspace workspace = new Workspace(root, null, root.resolve("braid.yaml"), false);
    // The compensation runs activities, so on the embedded server this process brings a worker.
    Connection connection = session.connect(workspace, WorkerMode.FULL);
    RunWatcher watcher = new RunWatcher(connection, runId);
    WorkflowExecutionStatus before =
        watcher
            .describe()
            .orElseThrow(() -> new UsageError("no run " + runId + " on " + connection.address()));
    if (before != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      throw new UsageError(
          "run " + runId + " has already ended; braid cleanup removes what it left");
    }
    watcher.stub().cancel();
    if (!json) {
      out.println("Cancelling run " + runId + "; its tasks are stopping...");
      out.flush();
    }
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (watcher.describe().orElseThrow()
        == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      if (System.nanoTime() > deadline) {
        String late =
            "The run has not stopped within "
                + WAIT.toMinutes()
                + " minutes; see braid status "
                + runId;
        if (json) {
          CliJson.print(out, new Cancelled(runId, false, late));
        } else {
          out.println(late);
        }
        return ExitCodes.FAILED;
      }
      Thread.sleep(500);
    }
    RunStatus end = connection.client().newWorkflowStub(ExecuteWorkflow.class, runId).status();
    String message = end.message() == null ? "Cancelled." : end.message();
    if (json) {
      CliJson.print(out, new Cancelled(runId, true, message));
    } else {
      out.println(message);
    }
    return ExitCodes.DONE;
  }
}
