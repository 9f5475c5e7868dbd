package dev.braid.starter.cli;

import dev.braid.starter.run.RunJson;
import dev.braid.starter.run.RunSession;
import dev.braid.starter.run.RunView;
import dev.braid.starter.run.RunWatcher;
import dev.braid.starter.run.StartedRun;
import dev.braid.starter.run.Workspace;
import dev.braid.starter.temporal.Connection;
import dev.braid.starter.temporal.WorkerMode;
import dev.braid.workflow.RunStatus;
import java.io.PrintWriter;
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
    description = {
      "Shows a run's tasks: status, attempts, tier, commit.",
      "RUN defaults to the run of the plan in this repository. With the embedded server, a worker",
      "runs while status does, so the run carries on."
    })
public class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

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
    Workspace ws = workspace.resolve();
    String id = run.choose(ws).id();
    Connection connection = session.connect(ws, watch ? WorkerMode.FULL : WorkerMode.WORKFLOWS);
    RunWatcher watcher = new RunWatcher(connection, id);
    if (watcher.describe().isEmpty()) {
      throw new UsageError(
          "no run " + id + " on " + connection.address() + " (start one with: braid execute)");
    }
    if (watch) {
      return follower.follow(
          new StartedRun(id, true, connection, ws.repo(), ws.planDir()),
          false,
          json,
          out,
          spec.commandLine().getErr());
    }
    RunStatus status = watcher.current();
    if (json) {
      out.println(RunJson.of(status, connection.workflowUrl(id)));
    } else {
      out.println("Run " + id + " (plan: " + status.planName() + "): " + status.phase().label());
      if (connection.workflowUrl(id) != null) {
        out.println("Temporal Web UI: " + connection.workflowUrl(id));
      }
      RunView.table(status, out);
      if (status.message() != null) {
        out.println(status.message());
      }
      BlockedHelp.print(status, ws.repo(), out);
    }
    return ExitCodes.of(status.phase());
  }
}
