package dev.braid.starter.cli;

import dev.braid.starter.report.ReportFiles;
import dev.braid.starter.report.ReportPlans;
import dev.braid.starter.report.ReportText;
import dev.braid.starter.report.ReportWriter;
import dev.braid.starter.report.RunReport;
import dev.braid.starter.run.LaunchKind;
import dev.braid.starter.run.RunJson;
import dev.braid.starter.run.RunRef;
import dev.braid.starter.run.RunView;
import dev.braid.starter.run.RunWatcher;
import dev.braid.starter.run.StartedRun;
import dev.braid.starter.run.TierSplits;
import dev.braid.workflow.RunStatus;
import dev.braid.workflow.TaskStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Follows a run in the foreground: a line on each task that changes, then the report. It is shared
 * by {@code execute}, {@code status --watch} and {@code demo}, which all end the same way.
 */
@Component
public class RunFollower {

  /** Prints the start, follows unless detached, and returns the exit code. */
  public int follow(StartedRun run, boolean detach, boolean json, PrintWriter out, PrintWriter err)
      throws InterruptedException {
    if (run.launch().kind() == LaunchKind.ALREADY_DONE) {
      return AlreadyDone.print(run, json, out);
    }
    RunWatcher watcher = new RunWatcher(run.connection(), run.runId());
    if (!json) {
      out.println(LaunchText.of(run));
      if (run.webUiUrl() != null) {
        out.println("Temporal Web UI: " + run.webUiUrl());
      }
      out.flush();
    }
    if (detach) {
      RunStatus now = watcher.current();
      if (json) {
        out.println(RunJson.of(now, run.webUiUrl(), run.temporalRunId()));
      } else {
        out.println("Detached. Follow it with: braid status " + run.runId() + " --watch");
        if (run.connection().embedded()) {
          out.println(
              "On the embedded server the run moves while a braid worker runs: braid worker, braid execute, or braid status --watch.");
        }
      }
      return ExitCodes.DONE;
    }
    // A Ctrl-C only detaches; the message goes to stderr so that --json stays one document.
    Thread hook = new Thread(() -> detachedMessage(run, err));
    Runtime.getRuntime().addShutdownHook(hook);
    RunStatus end;
    try {
      Map<String, String> seen = new HashMap<>();
      end =
          watcher.watch(
              status -> {
                if (json) {
                  return;
                }
                for (TaskStatus t : status.tasks()) {
                  String key = t.phase().label() + t.attempts();
                  // A waiting task has nothing to say yet; its start is the first news.
                  if (t.phase() != dev.braid.workflow.TaskPhase.WAITING
                      && !key.equals(seen.put(t.id(), key))) {
                    out.println(RunView.change(t, status.startedAtMillis()));
                  }
                }
                out.flush();
              });
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting (a Ctrl-C): the hook is running, as it should.
      }
    }
    RunReport report =
        RunReport.of(
            end,
            ReportPlans.find(run.repo(), run.planDir(), end).orElse(null),
            TierSplits.of(run.connection(), new RunRef(run.runId(), run.temporalRunId())));
    if (json) {
      out.println(RunJson.of(end, run.webUiUrl(), run.temporalRunId()));
    } else {
      out.println();
      ReportText.print(report, out);
      if (run.webUiUrl() != null) {
        out.println("Temporal Web UI: " + run.webUiUrl());
      }
      BlockedHelp.print(end, run.repo(), out);
    }
    writeReport(run, report, json, out);
    out.flush();
    return ExitCodes.of(end.phase());
  }

  /**
   * Keeps the report in {@code .parallel/reports/}. A disk that refuses it must not hide how the
   * run ended, so the failure is printed rather than thrown, and {@code braid report} writes the
   * files again. With {@code --json} the output must stay one JSON document, so there the missing
   * files are the only sign.
   */
  private static void writeReport(StartedRun run, RunReport report, boolean json, PrintWriter out) {
    try {
      ReportFiles files = ReportWriter.write(run.repo(), report, run.temporalRunId());
      if (!json) {
        out.println("Report: " + files.markdown());
      }
    } catch (IOException e) {
      if (!json) {
        out.println("braid: could not write the report to " + ReportWriter.REPORTS_DIR + ": " + e);
      }
    }
  }

  private static void detachedMessage(StartedRun run, PrintWriter out) {
    out.println();
    out.println("Detached from run " + run.runId() + "; it stays in Temporal.");
    out.println("See where it is, and carry it on: braid status " + run.runId() + " --watch");
    out.flush();
  }
}
