package dev.braid.starter.cli;

import dev.braid.starter.run.RunJson;
import dev.braid.starter.run.RunView;
import dev.braid.starter.run.RunWatcher;
import dev.braid.starter.run.StartedRun;
import dev.braid.workflow.RunStatus;
import dev.braid.workflow.TaskStatus;
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
  public int follow(StartedRun run, boolean detach, boolean json, PrintWriter out)
      throws InterruptedException {
    RunWatcher watcher = new RunWatcher(run.connection(), run.runId());
    if (!json) {
      out.println((run.attached() ? "Attached to run " : "Started run ") + run.runId());
      if (run.webUiUrl() != null) {
        out.println("Temporal Web UI: " + run.webUiUrl());
      }
      out.flush();
    }
    if (detach) {
      RunStatus now = watcher.current();
      if (json) {
        out.println(RunJson.of(now, run.webUiUrl()));
      } else {
        out.println("Detached. Follow it with: braid status " + run.runId() + " --watch");
        if (run.connection().embedded()) {
          out.println(
              "On the embedded server the run moves while a braid worker runs: braid worker, braid execute, or braid status --watch.");
        }
      }
      return ExitCodes.DONE;
    }
    Thread hook = new Thread(() -> detachedMessage(run, out));
    Runtime.getRuntime().addShutdownHook(hook);
    Map<String, String> seen = new HashMap<>();
    RunStatus end =
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
    Runtime.getRuntime().removeShutdownHook(hook);
    if (json) {
      out.println(RunJson.of(end, run.webUiUrl()));
    } else {
      out.println();
      RunView.report(end, out);
      if (run.webUiUrl() != null) {
        out.println("Temporal Web UI: " + run.webUiUrl());
      }
      BlockedHelp.print(end, run.repo(), out);
    }
    out.flush();
    return ExitCodes.of(end.phase());
  }

  private static void detachedMessage(StartedRun run, PrintWriter out) {
    out.println();
    out.println("Detached from run " + run.runId() + "; it stays in Temporal.");
    out.println("See where it is, and carry it on: braid status " + run.runId() + " --watch");
    out.flush();
  }
}
