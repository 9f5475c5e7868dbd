package dev.braid.starter.cli;

import dev.braid.plan.Plan;
import dev.braid.starter.report.ReportFiles;
import dev.braid.starter.report.ReportJson;
import dev.braid.starter.report.ReportPlans;
import dev.braid.starter.report.ReportText;
import dev.braid.starter.report.ReportWriter;
import dev.braid.starter.report.RunReport;
import dev.braid.starter.run.RunExecution;
import dev.braid.starter.run.RunExecutions;
import dev.braid.starter.run.RunReader;
import dev.braid.starter.run.RunReading;
import dev.braid.starter.run.RunSession;
import dev.braid.starter.run.TierSplits;
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

/** {@code braid report}: a run's measured figures, printed and kept in .parallel/reports/. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    header = "Shows a run's measured report and writes it to .parallel/reports/.",
    footer = {"", "Examples:", "  braid report", "  braid report --json"},
    description = {
      "Shows a run's report: wall-clock, sum of task times and speedup, the critical path and"
          + " efficiency, each task's attempts, tiers, durations, commit and branch, the cost and"
          + " tokens the agents reported, and the checks on the merged result. Every figure is"
          + " measured; what was not measured is marked unknown.",
      "Also writes it to <repo>/.parallel/reports/<run>/<temporal run id>.json and .md, and links"
          + " latest.md and latest.json there to the newest run's.",
      "RUN defaults to the run of the plan in this repository; RUN:RUNID names one Temporal run"
          + " of it (default: the newest). The run's plan is found through the run itself."
    })
public class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin TemporalOptions temporal;

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
    Workspace ws = workspace.resolve(run);
    ChosenRun chosen = run.choose(ws);
    Connection connection = session.connectToRead(ws);
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
    RunReading reading =
        new RunReader(connection, () -> session.startWorker(ws, connection, WorkerMode.WORKFLOWS))
            .read(execution, ws.planDir());
    RunStatus status = reading.status();
    // The run's own input says where its plan is; the workspace's is the fallback.
    Plan plan = reading.plan() != null ? reading.plan() : chosen.plan();
    if (plan == null) {
      plan = ReportPlans.find(ws.repo(), ws.planDir(), status).orElse(null);
    }
    Path repo = reading.input() != null ? reading.input().repo() : ws.repo();
    RunReport report = RunReport.of(status, plan, TierSplits.of(connection, execution));
    ReportFiles files = ReportWriter.write(repo, report, execution.temporalRunId());
    if (json) {
      out.println(ReportJson.of(report, execution.temporalRunId()));
    } else {
      out.println(
          "Run "
              + chosen.id()
              + " (Temporal run "
              + execution.temporalRunId()
              + ", plan: "
              + status.planName()
              + "): "
              + status.phase().label());
      ReportText.print(report, out);
      out.println("Report written to " + files.markdown() + " and " + files.json());
      String url = connection.workflowUrl(chosen.id(), execution.temporalRunId());
      if (url != null) {
        out.println("Temporal Web UI: " + url);
      }
    }
    return ExitCodes.of(status.phase());
  }
}
