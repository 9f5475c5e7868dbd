package dev.braid.starter.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.braid.starter.report.ReportFiles;
import dev.braid.starter.report.ReportWriter;
import dev.braid.starter.report.RunReport;
import dev.braid.starter.run.RunJson;
import dev.braid.starter.run.RunReader;
import dev.braid.starter.run.RunReading;
import dev.braid.starter.run.StartedRun;
import dev.braid.starter.run.TierSplits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;

/**
 * What {@code execute} says of a plan whose last run is done: that it is, where its report is, and
 * how to run it again. Nothing is started, and the run's own report is kept as it is; it is written
 * only when missing (the run may have ended while nobody followed it).
 */
final class AlreadyDone {
  private AlreadyDone() {}

  static int print(StartedRun run, boolean json, PrintWriter out) {
    // A done run's result is in its history: reading it needs no worker.
    RunReading done =
        new RunReader(run.connection(), () -> {}).read(run.launch().previous(), run.planDir());
    ReportFiles files = ReportWriter.files(run.repo(), run.runId(), run.temporalRunId());
    String problem = null;
    if (!Files.exists(files.markdown()) || !Files.exists(files.json())) {
      try {
        files =
            ReportWriter.write(
                run.repo(),
                RunReport.of(
                    done.status(),
                    done.plan(),
                    TierSplits.of(run.connection(), run.launch().previous())),
                run.temporalRunId());
      } catch (IOException e) {
        problem = "could not write the report to " + files.markdown() + ": " + e;
      }
    }
    if (json) {
      ObjectNode doc = RunJson.node(done.status(), run.webUiUrl(), run.temporalRunId());
      doc.put("alreadyDone", true);
      doc.put("report", files.markdown().toString());
      out.println(RunJson.write(doc));
      return ExitCodes.DONE;
    }
    out.println(
        "The plan's run "
            + run.runId()
            + " is already done (Temporal run "
            + run.temporalRunId()
            + "); nothing was started.");
    out.println(problem != null ? "braid: " + problem : "Report: " + files.markdown());
    if (run.webUiUrl() != null) {
      out.println("Temporal Web UI: " + run.webUiUrl());
    }
    out.println(
        "To start a new run of it: braid execute --rerun (tasks whose files say completed are"
            + " not run again)");
    return ExitCodes.DONE;
  }
}
