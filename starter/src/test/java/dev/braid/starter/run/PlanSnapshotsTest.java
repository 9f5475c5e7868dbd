package dev.braid.starter.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activities.secrets.SecretMask;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import dev.braid.plan.Priority;
import dev.braid.plan.TaskState;
import dev.braid.workflow.PlanSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan a run's input carries: every task's text, with secret values masked. */
class PlanSnapshotsTest {
  @TempDir Path dir;

  private PlanTask task(String id) {
    return new PlanTask(
        id,
        "Task " + id,
        "tasks/" + id + ".md",
        Priority.MEDIUM,
        List.of(),
        TaskState.PENDING,
        List.of());
  }

  @Test
  void everyTaskTextTravelsWithSecretValuesMasked() throws Exception {
    Files.createDirectories(dir.resolve("tasks"));
    Files.writeString(dir.resolve("tasks/a.md"), "# A\n\nCall the API with s3cr3t-token-value.\n");
    Files.writeString(dir.resolve("tasks/b.md"), "# B\n\nNothing secret.\n");
    Plan plan = new Plan("p", dir.toString(), List.of(task("a"), task("b")));
    SecretMask mask = SecretMask.of(Map.of("API_TOKEN", "s3cr3t-token-value"), List.of());

    PlanSnapshot snapshot = PlanSnapshots.of(plan, mask);

    assertEquals(plan, snapshot.plan());
    assertFalse(snapshot.textOf("a").contains("s3cr3t"), snapshot.textOf("a"));
    assertTrue(snapshot.textOf("a").contains("Call the API with ***."), snapshot.textOf("a"));
    assertEquals("# B\n\nNothing secret.\n", snapshot.textOf("b"));
  }

  @Test
  void textsPastTheLimitStayOnDiskAndThePlanStillTravels() throws Exception {
    Files.createDirectories(dir.resolve("tasks"));
    Files.writeString(dir.resolve("tasks/a.md"), "x".repeat(PlanSnapshot.MAX_TEXT_CHARS + 1));
    Plan plan = new Plan("p", dir.toString(), List.of(task("a")));

    PlanSnapshot snapshot = PlanSnapshots.of(plan, SecretMask.of(Map.of(), List.of()));

    assertEquals(plan, snapshot.plan());
    assertEquals(null, snapshot.textOf("a"), "attempts read the task file instead");
  }
}
