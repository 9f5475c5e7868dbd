package dev.braid.starter.cli;

import dev.braid.activities.plan.PlanOverlaps;
import java.util.List;

/**
 * One overlap in {@code --json}: two tasks that may run at the same time, the files both declare,
 * and what braid does about it.
 *
 * @param tasks the two tasks, in plan order
 * @param paths the shared paths; {@code path (glob)} when one task's glob matches the other's path
 * @param action what braid does about it, as {@link OverlapText#ACTION} says
 */
record OverlapJson(List<String> tasks, List<String> paths, String action) {

  static List<OverlapJson> of(PlanOverlaps overlaps) {
    return overlaps.overlaps().stream()
        .map(o -> new OverlapJson(List.of(o.first(), o.second()), o.paths(), OverlapText.ACTION))
        .toList();
  }
}
