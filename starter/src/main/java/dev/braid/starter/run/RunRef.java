package dev.braid.starter.run;

import java.util.regex.Pattern;

/**
 * Names a run as a user does: its workflow id, and optionally one Temporal run of it ({@code
 * RUN:RUNID}). A plan's runs all share the workflow id, so without a run id the newest is meant.
 *
 * @param workflowId the run's workflow id
 * @param temporalRunId one Temporal run of it, or null for the newest
 */
public record RunRef(String workflowId, String temporalRunId) {
  /**
   * Temporal's run ids are UUIDs; only such a tail is taken for one, so an id with ':' survives.
   */
  private static final Pattern RUN_ID = Pattern.compile("[0-9a-fA-F-]{8,}");

  /** The newest Temporal run of the workflow id. */
  public static RunRef latest(String workflowId) {
    return new RunRef(workflowId, null);
  }

  /** Reads {@code RUN} or {@code RUN:RUNID}. */
  public static RunRef parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon > 0 && RUN_ID.matcher(text.substring(colon + 1)).matches()) {
      return new RunRef(text.substring(0, colon), text.substring(colon + 1));
    }
    return latest(text);
  }

  @Override
  public String toString() {
    return temporalRunId == null ? workflowId : workflowId + ":" + temporalRunId;
  }
}
