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
    description = {
      "Cancels a run: its tasks stop (their agents' process trees are killed), then braid removes",
      "the worktrees and branches that hold no work the target lacks, and says what it kept."
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
    out.println("Cancelling run " + runId + "; its tasks are stopping...");
    out.flush();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (watcher.describe().orElseThrow()
        == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      if (System.nanoTime() > deadline) {
        out.println(
            "The run has not stopped within "
                + WAIT.toMinutes()
                + " minutes; see braid status "
                + runId);
        return ExitCodes.FAILED;
      }
      Thread.sleep(500);
    }
    RunStatus end = connection.client().newWorkflowStub(ExecuteWorkflow.class, runId).status();
    out.println(end.message() == null ? "Cancelled." : end.message());
    return ExitCodes.DONE;
  }
}
