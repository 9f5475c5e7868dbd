package dev.braid.starter.cli;

import dev.braid.activities.plan.PlanOverlaps;
import dev.braid.config.OverlapPolicy;
import dev.braid.plan.Plan;
import dev.braid.plan.SoftEdge;
import dev.braid.plan.SoftEdges;
import java.util.List;

/**
 * One overlap in {@code --json}: two tasks that may run at the same time, the files both declare,
 * and what braid does about it.
 *
 * @param tasks the two tasks, in plan order
 * @param paths the shared paths; {@code path (glob)} when one task's glob matches the other's path
 * @param policy the {@code overlap} setting that applies
 * @param waits who waits for whom ({@code b waits for a's merge}), or null when nobody does
 * @param action what braid does about it, as {@link OverlapText#action} says
 */
record OverlapJson(
    List<String> tasks, List<String> paths, String policy, String waits, String action) {

  static List<OverlapJson> of(Plan plan, PlanOverlaps overlaps, OverlapPolicy policy) {
    List<SoftEdge> edges = SoftEdges.of(plan, overlaps.overlaps());
    return overlaps.overlaps().stream()
        .map(
            o ->
                new OverlapJson(
                    List.of(o.first(), o.second()),
                    o.paths(),
                    policy.yamlName(),
                    OverlapText.waits(o, edges, policy),
                    OverlapText.action(policy)))
        .toList();
  }
}
