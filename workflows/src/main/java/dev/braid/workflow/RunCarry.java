package dev.braid.workflow;

import java.util.List;

/**
 * What a run carries into its next execution when it continues as new to keep its history small.
 *
 * @param startedAtMillis when the run first started, so the wall-clock spans every execution
 * @param tasks every task's status so far
 * @param integrated the tasks merged into the integration branch so far, in merge order
 */
public record RunCarry(long startedAtMillis, List<TaskStatus> tasks, List<TaskOutcome> integrated) {

  public RunCarry {
    tasks = List.copyOf(tasks);
    integrated = List.copyOf(integrated);
  }
}
