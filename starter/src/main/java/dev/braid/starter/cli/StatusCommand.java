package dev.braid.starter.cli;

import dev.braid.starter.run.Launch;
import dev.braid.starter.run.LaunchKind;
import dev.braid.starter.run.RunExecution;
import dev.braid.starter.run.RunExecutions;
import dev.braid.starter.run.RunInput;
import dev.braid.starter.run.RunJson;
import dev.braid.starter.run.RunReader;
import dev.braid.starter.run.RunReading;
import dev.braid.starter.run.RunSession;
import dev.braid.starter.run.RunView;
import dev.braid.starter.run.StartedRun;
import dev.braid.starter.run.Workspace;
import dev.braid.starter.temporal.Connection;
import dev.braid.starter.temporal.WorkerMode;
import dev.braid.workflow.RunStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code braid status}: where a run stands, from any shell, any day. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    header = "Shows where a run stands, from what Temporal stores: no worker needed.",
    description = {
      "Shows a run's tasks: status, attempts, tiers, and why each blocked task waits, with the"
          + " braid unblock commands it allows. RUN defaults to the run of the plan in this"
          + " repository; RUN:RUNID names one Temporal run of it (default: the newest).",
      "It reads what Temporal stores (the run's memo, its task workflows' memos, an ended run's"
          + " result), so no braid worker needs to be up. With --watch and the embedded server, a"
          + " worker runs while status does, so the run carries on; on a cluster --watch needs a"
          + " braid worker polling."
    },
    footer = {"", "Examples:", "  braid status", "  braid status --json", "  braid status --watch"})
public class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin TemporalOptions temporal;

  @Mixin WorkspaceOptions workspace;

  @Mixin RunArgument run;

  @Option(names = "--watch", description = "Follow the run until it ends, then print the report.")
  boolean watch;

  @Option(names = "--json", description = "Print one JSON document for scripts.")
  boolean json;

  private final RunSession session;
  private final RunFollower follower;

  public StatusCommand(RunSession session, RunFollower follower) {
    this.session = session;
    this.follower = follower;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Workspace ws = workspace.resolve(run);
    ChosenRun chosen = run.choose(ws);
    // Reading needs no worker and no Spring; only --watch brings a worker.
    Connection connection =
        watch ? session.connect(ws, WorkerMode.NONE) : session.connectToRead(ws);
    RunExecution execution =
        RunExecutions.describe(connection, chosen.ref())
            .orElseThrow(
                () ->
                    new UsageError(
                        "no run "
                            + chosen.ref()
                            + " on "
                            + connection.address()
                            + " (start one with: braid execute)"));
    // Only a live run can be followed; a named run that has ended is shown as it ended.
    if (watch && execution.running()) {
      session.startWorker(ws, connection, WorkerMode.FULL);
      Launch attached = new Launch(LaunchKind.ATTACHED, execution.temporalRunId(), null);
      Path planDir = RunInput.of(connection, execution).map(RunInput::planDir).orElse(ws.planDir());
      return follower.follow(
          new StartedRun(chosen.id(), attached, connection, ws.repo(), planDir),
          false,
          json,
          out,
          spec.commandLine().getErr());
    }
    RunReading reading =
        new RunReader(connection, () -> session.startWorker(ws, connection, WorkerMode.WORKFLOWS))
            .read(execution, ws.planDir());
    RunStatus status = reading.status();
    String url = connection.workflowUrl(chosen.id(), execution.temporalRunId());
    if (json) {
      out.println(RunJson.of(status, url, execution.temporalRunId()));
      return ExitCodes.of(status.phase());
    }
    out.println(
        "Run "
            + chosen.id()
            + " (Temporal run "
            + execution.temporalRunId()
            + ", plan: "
            + status.planName()
            + "): "
            + status.phase().label());
    if (url != null) {
      out.println("Temporal Web UI: " + url);
    }
    RunView.table(status, out);
    if (status.message() != null) {
      out.println(status.message());
    }
    if (reading.source().equals("stored")) {
      out.println(
          "(read from what Temporal stores, with no worker; commits and costs are in the report"
              + " once the run ends)");
    }
    Path repo = reading.input() != null ? reading.input().repo() : ws.repo();
    BlockedHelp.print(status, repo, out);
    return ExitCodes.of(status.phase());
  }
}
