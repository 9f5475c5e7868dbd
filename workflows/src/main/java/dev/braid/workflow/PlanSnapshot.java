package dev.braid.workflow;

import dev.braid.plan.FileOverlap;
import dev.braid.plan.Plan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan as the CLI read it, carried in the run's input so that a worker on any host has it
 * without the starting checkout's files: hosts of a fleet each have their own checkout, where a
 * plan kept out of git (as Contextune keeps {@code .parallel/plans}) does not exist.
 *
 * @param plan the plan
 * @param taskTexts each task's file, whole, by task id; empty when the texts together pass {@link
 *     #MAX_TEXT_CHARS}, and then each attempt reads its task file from its host's checkout
 * @param overlaps the files the task files declare in common (see {@code PlanActivities})
 */
public record PlanSnapshot(Plan plan, Map<String, String> taskTexts, List<FileOverlap> overlaps) {

  /**
   * The most task text a run's input carries. Temporal refuses a payload past 2 MB and warns from
   * 512 kB; the input travels again with each continue-as-new, and each task's text with each of
   * its attempts, so the plan keeps well under both.
   */
  public static final int MAX_TEXT_CHARS = 256_000;

  public PlanSnapshot {
    taskTexts =
        Collections.unmodifiableMap(new LinkedHashMap<>(taskTexts == null ? Map.of() : taskTexts));
    overlaps = List.copyOf(overlaps == null ? List.of() : overlaps);
  }

  /** A snapshot that carries the texts when they fit, else none of them. */
  public static PlanSnapshot of(
      Plan plan, Map<String, String> taskTexts, List<FileOverlap> overlaps) {
    long chars = taskTexts.values().stream().mapToLong(String::length).sum();
    return new PlanSnapshot(plan, chars <= MAX_TEXT_CHARS ? taskTexts : Map.of(), overlaps);
  }

  /** A task's text, or null when the snapshot does not carry it. */
  public String textOf(String taskId) {
    return taskTexts.get(taskId);
  }
}
