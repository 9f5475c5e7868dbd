package dev.braid.starter.cli;

import dev.braid.plan.Plan;
import dev.braid.starter.report.ReportFiles;
import dev.braid.starter.report.ReportJson;
import dev.braid.starter.report.ReportPlans;
import dev.braid.starter.report.ReportText;
import dev.braid.starter.report.ReportWriter;
import dev.braid.starter.report.RunReport;
import dev.braid.starter.run.RunSession;
import dev.braid.starter.run.RunWatcher;
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

/** {@code braid report}: a run's measured figures, printed and kept in .parallel/reports/. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Shows a run's report: wall-clock, sum of task times and speedup, the critical path and",
      "efficiency, each task's attempts, tiers, durations, commit and branch, the cost and tokens",
      "the agents reported, and the checks on the merged result. Every figure is measured; what",
      "was not measured is marked unknown.",
      "Also writes it to <repo>/.parallel/reports/<run>.json and <run>.md.",
      "RUN defaults to the run of the plan in this repository."
    })
public class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin WorkspaceOptions workspace;

  @Mixin RunArgument run;

  @Option(names = "--json", description = "Print one JSON document for scripts.")
  boolean json;

  private final RunSession session;

  public ReportCommand(RunSession session) {
    this.session = session;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Workspace ws = workspace.resolve();
    ChosenRun chosen = run.choose(ws);
    String id = chosen.id();
    Plan plan = chosen.plan();
    // A workflow worker lets the embedded server answer the status query of a live run.
    Connection connection = session.connect(ws, WorkerMode.WORKFLOWS);
    RunWatcher watcher = new RunWatcher(connection, id);
    if (watcher.describe().isEmpty()) {
      throw new UsageError(
          "no run " + id + " on " + connection.address() + " (start one with: braid execute)");
    }
    RunStatus status = watcher.current();
    if (plan == null) {
      plan = ReportPlans.find(ws.repo(), ws.planDir(), status).orElse(null);
    }
    RunReport report = RunReport.of(status, plan);
    ReportFiles files = ReportWriter.write(ws.repo(), report);
    if (json) {
      out.println(ReportJson.of(report));
    } else {
      out.println("Run " + id + " (plan: " + status.planName() + "): " + status.phase().label());
      ReportText.print(report, out);
      out.println("Report written to " + files.markdown() + " and " + files.json());
      if (connection.workflowUrl(id) != null) {
        out.println("Temporal Web UI: " + connection.workflowUrl(id));
      }
    }
    return ExitCodes.of(status.phase());
  }
}
