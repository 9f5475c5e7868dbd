package dev.braid.starter.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunIdsTest {
  @Test
  void samePlanInSameRepositoryGivesTheSameRun() {
    String a =
        RunIds.forPlan(Path.of("/work/repo"), Path.of("/work/repo/.parallel/plans"), "My Plan!");
    String b =
        RunIds.forPlan(Path.of("/work/repo/"), Path.of("/work/repo/./.parallel/plans"), "My Plan!");
    assertEquals(a, b);
    assertTrue(a.matches("braid-my-plan-[0-9a-f]{8}"), a);
  }

  @Test
  void anotherRepositoryGivesAnotherRun() {
    assertNotEquals(
        RunIds.forPlan(Path.of("/a"), Path.of("/a/p"), "plan"),
        RunIds.forPlan(Path.of("/b"), Path.of("/b/p"), "plan"));
  }

  @Test
  void slugIsShortAndSafe() {
    assertEquals("plan", RunIds.slug("!!!"));
    assertEquals(40, RunIds.slug("x".repeat(100)).length());
  }
}
