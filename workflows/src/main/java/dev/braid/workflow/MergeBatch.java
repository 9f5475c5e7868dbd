package dev.braid.workflow;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One step of the merge queue: tasks merged together into the integration branch and checked once.
 *
 * @param tasks the tasks, in the order they are merged
 * @param bisecting whether the batch is a half of a batch whose checks failed: it runs as it is,
 *     before anything offered later, so that the bisection finds the task that broke the checks
 */
record MergeBatch(List<TaskOutcome> tasks, boolean bisecting) {

  MergeBatch {
    tasks = List.copyOf(tasks);
  }

  /** A batch of one task, offered to the queue. */
  static MergeBatch of(TaskOutcome task) {
    return new MergeBatch(List.of(task), false);
  }

  int size() {
    return tasks.size();
  }

  List<String> branches() {
    return tasks.stream().map(TaskOutcome::branch).toList();
  }

  /** The task ids, for notes and the Web UI: {@code a, b, c}. */
  String ids() {
    return tasks.stream().map(TaskOutcome::taskId).collect(Collectors.joining(", "));
  }

  /** The first half, the larger when the size is odd: it is checked first. */
  MergeBatch firstHalf() {
    return new MergeBatch(tasks.subList(0, (tasks.size() + 1) / 2), true);
  }

  MergeBatch secondHalf() {
    return new MergeBatch(tasks.subList((tasks.size() + 1) / 2, tasks.size()), true);
  }
}
