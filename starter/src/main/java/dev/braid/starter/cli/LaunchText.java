package dev.braid.starter.cli;

import dev.braid.starter.run.RunExecution;
import dev.braid.starter.run.StartedRun;

/** The first line {@code execute} prints: what it did about the plan's run, with Temporal's ids. */
final class LaunchText {
  private LaunchText() {}

  static String of(StartedRun run) {
    String self = run.runId() + " (Temporal run " + run.temporalRunId() + ")";
    RunExecution previous = run.launch().previous();
    return switch (run.launch().kind()) {
      case STARTED -> "Started run " + self;
      case ATTACHED -> "Attached to run " + self;
      case CONTINUED ->
          "The last run of this plan (Temporal run "
              + previous.temporalRunId()
              + ") ended "
              + previous.statusLabel()
              + "; a new run continues what is left: "
              + self;
      case RERUN ->
          "The last run of this plan (Temporal run "
              + previous.temporalRunId()
              + ") was done; --rerun starts a new one: "
              + self;
      case ALREADY_DONE -> "Run " + self + " is already done";
    };
  }
}
