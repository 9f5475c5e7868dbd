package dev.braid.workflow;

import dev.braid.activity.PlanActivities;
import dev.braid.config.OverlapPolicy;
import dev.braid.plan.FileOverlap;
import dev.braid.plan.Plan;
import dev.braid.plan.SoftEdge;
import dev.braid.plan.SoftEdges;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * What the run does about tasks that may run at the same time and declare the same files: under
 * {@code overlap: serialize} one waits for the other's merge (soft edges the board keeps); under
 * {@code serialize} and {@code warn} the merge queue keeps them out of one batch; under {@code
 * ignore} nothing reads the task files for it.
 *
 * @param overlaps the overlaps the task files declare, empty under {@code ignore}
 * @param edges the soft edges the board keeps, empty unless {@code serialize}
 */
record RunOverlaps(List<FileOverlap> overlaps, List<SoftEdge> edges) {

  /** The change that made runs read the overlaps their task files declare. */
  static final String CHANGE = "overlap-edges";

  /** No overlaps: runs recorded before the change, and {@code overlap: ignore}. */
  static final RunOverlaps NONE = new RunOverlaps(List.of(), List.of());

  RunOverlaps {
    overlaps = List.copyOf(overlaps);
    edges = List.copyOf(edges);
  }

  /** Reads the overlaps of the run's plan, as its policy asks. */
  static RunOverlaps load(PlanActivities planFiles, RunRequest request, RunPlan runPlan) {
    if (Workflow.getVersion(CHANGE, Workflow.DEFAULT_VERSION, 1) < 1) {
      return NONE;
    }
    OverlapPolicy policy = request.config().overlap();
    if (policy == OverlapPolicy.IGNORE) {
      return NONE;
    }
    Plan plan = runPlan.plan();
    List<FileOverlap> overlaps =
        runPlan.snapshot() != null
            ? runPlan.snapshot().overlaps()
            : planFiles.declaredOverlaps(request.planDir());
    return new RunOverlaps(
        overlaps, policy == OverlapPolicy.SERIALIZE ? SoftEdges.of(plan, overlaps) : List.of());
  }

  /** Whether these two tasks declare some of the same files. */
  boolean overlap(String a, String b) {
    for (FileOverlap o : overlaps) {
      if (o.first().equals(a) && o.second().equals(b)
          || o.first().equals(b) && o.second().equals(a)) {
        return true;
      }
    }
    return false;
  }
}
