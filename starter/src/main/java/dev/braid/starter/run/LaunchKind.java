package dev.braid.starter.run;

/** What {@code execute} did about the plan's run. */
public enum LaunchKind {
  /** The plan had no run: a new one started. */
  STARTED,
  /** The plan's run was running: this process follows it. */
  ATTACHED,
  /** The last run ended without finishing (failed, cancelled, ...): a new run takes up the rest. */
  CONTINUED,
  /** The last run was done and {@code --rerun} asked for a new one. */
  RERUN,
  /** The last run was done: nothing was started. */
  ALREADY_DONE
}
