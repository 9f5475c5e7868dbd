package dev.braid.activities.plan;

import static dev.braid.activities.plan.PlanFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.AttemptFailure;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import dev.braid.plan.TaskState;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanActivitiesImplTest {

  @TempDir Path temp;

  private final PlanActivitiesImpl activities = new PlanActivitiesImpl();

  @Test
  void loadsAValidPlan() {
    Path dir =
        PlanFiles.copy(
            PlanFiles.contextunePlans().resolve("decision-tracking-system/parallel-plan"),
            temp.resolve("plan"));

    Plan plan = activities.loadPlan(dir.toString());

    assertEquals("Unified Decision Tracking System", plan.name());
    assertEquals(
        List.of("task-0", "task-1", "task-2", "task-3", "task-4"),
        plan.tasks().stream().map(PlanTask::id).toList());
  }

  @Test
  void refusesAnInvalidPlanWithEveryProblemAndNoRetry() {
    String dir = PlanFiles.contextunePlans().resolve("decision-tracking-system").toString();

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> activities.loadPlan(dir));

    assertEquals(AttemptFailure.PLAN_INVALID, failure.getType());
    assertTrue(failure.isNonRetryable());
    assertEquals(new PlanReader().read(Path.of(dir)).problemsText(), failure.getOriginalMessage());
    assertEquals(7, failure.getOriginalMessage().lines().count());
  }

  @Test
  void writesTheStatusAtomicallyKeepingTheFileMode() throws Exception {
    Path file =
        write(temp, "tasks/a.md", "---", "id: a # keep me", "status: pending", "---", "# A");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    activities.setTaskStatus(temp.toString(), "tasks/a.md", TaskState.IN_PROGRESS);

    assertEquals("---\nid: a # keep me\nstatus: in_progress\n---\n# A\n", PlanFiles.read(file));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (Stream<Path> left = Files.list(file.getParent())) {
      assertEquals(List.of(file), left.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void doesNotWriteWhenTheStatusIsAlreadySet() throws Exception {
    Path file = write(temp, "tasks/a.md", "---", "status: completed", "---");
    FileTime longAgo = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
    Files.setLastModifiedTime(file, longAgo);

    activities.setTaskStatus(temp.toString(), "tasks/a.md", TaskState.COMPLETED);
    activities.setTaskStatus(temp.toString(), "tasks/a.md", TaskState.COMPLETED);

    assertEquals(longAgo, Files.getLastModifiedTime(file));
  }

  @Test
  void repeatingAWriteLeavesTheSameFile() {
    Path file = write(temp, "tasks/a.md", "# A");

    activities.setTaskStatus(temp.toString(), "tasks/a.md", TaskState.BLOCKED);
    String once = PlanFiles.read(file);
    activities.setTaskStatus(temp.toString(), "tasks/a.md", TaskState.BLOCKED);

    assertEquals("---\nstatus: blocked\n---\n# A\n", once);
    assertEquals(once, PlanFiles.read(file));
  }

  @Test
  void refusesFilesOutsideThePlanOrMissingOrUnreadable() {
    Path plan = temp.resolve("plan");
    write(temp, "outside.md", "# Outside");
    write(plan, "tasks/broken.md", "---", "id: [a", "---");

    assertInvalid(
        "../outside.md: '../outside.md' leads outside the plan directory", plan, "../outside.md");
    assertInvalid("tasks/nope.md: does not exist in " + plan, plan, "tasks/nope.md");
    assertInvalid(
        "tasks/broken.md: cannot read the frontmatter: line 3, column 1: expected ',' or ']',"
            + " but got <stream end>",
        plan,
        "tasks/broken.md");
    assertEquals("# Outside\n", PlanFiles.read(temp.resolve("outside.md")));
  }

  private void assertInvalid(String message, Path plan, String taskFile) {
    ApplicationFailure failure =
        assertThrows(
            ApplicationFailure.class,
            () -> activities.setTaskStatus(plan.toString(), taskFile, TaskState.COMPLETED));
    assertEquals(AttemptFailure.PLAN_INVALID, failure.getType());
    assertTrue(failure.isNonRetryable());
    assertEquals(message, failure.getOriginalMessage());
  }
}
