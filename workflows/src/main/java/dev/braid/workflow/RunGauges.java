package dev.braid.workflow;

import com.uber.m3.tally.Scope;
import io.temporal.workflow.Workflow;
import java.util.Map;

/**
 * Gauges of a run for the worker's metrics endpoint: its tasks by state ({@code braid_tasks}) and
 * the tasks waiting in its merge queue ({@code braid_merge_queue_depth}), tagged with the run. They
 * go through the workflow's metrics scope, which the SDK keeps quiet during replay, so a worker
 * that replays a run reports only what changes now.
 */
final class RunGauges {
  static final String TASKS = "braid_tasks";
  static final String QUEUE_DEPTH = "braid_merge_queue_depth";

  private RunGauges() {}

  /** The run's tasks, one gauge per state. */
  static void tasks(RunBoard board) {
    Scope run = run();
    for (TaskPhase phase : TaskPhase.values()) {
      run.tagged(Map.of("state", phase.label())).gauge(TASKS).update(board.count(phase));
    }
  }

  /** The tasks waiting to merge: not yet in the running step (those checked ahead count). */
  static void queueDepth(int waiting) {
    run().gauge(QUEUE_DEPTH).update(waiting);
  }

  private static Scope run() {
    return Workflow.getMetricsScope().tagged(Map.of("run", Workflow.getInfo().getWorkflowId()));
  }
}
