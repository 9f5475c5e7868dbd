package dev.braid.starter.run;

import dev.braid.activities.plan.PlanOverlaps;
import dev.braid.activities.secrets.SecretMask;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import dev.braid.workflow.PlanSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plan as a run's input carries it, read here once: a worker on another host has its own
 * checkout, where a plan kept out of git does not exist.
 */
final class PlanSnapshots {
  private PlanSnapshots() {}

  /**
   * The plan, its task files' texts and the overlaps they declare. The texts go into the run's
   * history, which anyone with the Web UI reads: a secret value in a task file is masked there, as
   * everywhere braid prints (the agent's prompt is made from the same text).
   */
  static PlanSnapshot of(Plan plan, SecretMask mask) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (PlanTask task : plan.tasks()) {
      Path file = Path.of(plan.dir()).resolve(task.file());
      try {
        texts.put(task.id(), mask.mask(Files.readString(file)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read task file " + file, e);
      }
    }
    return PlanSnapshot.of(plan, texts, PlanOverlaps.of(plan).overlaps());
  }
}
