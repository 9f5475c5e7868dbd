package dev.braid.activities.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.braid.activity.AttemptRequest;
import dev.braid.activity.CleanupRequest;
import dev.braid.activity.GitHubLocation;
import dev.braid.activity.IssueRequest;
import dev.braid.activity.PullRequestRequest;
import dev.braid.activity.PullRequestSpec;
import dev.braid.config.AgentTier;
import dev.braid.workflow.BraidNames;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run's paths read on a worker whose checkout of the repository lives elsewhere. */
class LocalCheckoutTest {
  private static final String STARTED = "/home/ann/shop";
  private static final String HERE = "/srv/b/work/checkout";
  private static final String QUEUE = BraidNames.repositoryQueue("github.com/acme/shop");

  private static LocalCheckout on(String queue) {
    return new LocalCheckout(java.nio.file.Path.of(HERE), () -> queue);
  }

  @Test
  void pathsUnderTheStartingCheckoutMoveToThisOneOnTheRepositorysQueues() {
    for (String queue : List.of(QUEUE, BraidNames.hostTaskQueue(QUEUE, "b"))) {
      LocalCheckout local = on(queue);
      assertEquals(HERE, local.path(STARTED, STARTED), queue);
      assertEquals(HERE, local.path(STARTED, STARTED + "/"), queue);
      assertEquals(
          HERE + "/.parallel/plans/tasks/a.md",
          local.path(STARTED, STARTED + "/.parallel/plans/tasks/a.md"),
          queue);
      assertEquals(HERE + "/x", local.path(STARTED, STARTED + "/./y/../x"), queue);
    }
  }

  @Test
  void theLegacyQueuesKeepEveryPath() {
    // There a run may be of any repository: this checkout is not necessarily its.
    for (String queue : List.of(BraidNames.TASK_QUEUE, BraidNames.hostTaskQueue("b"), "")) {
      assertEquals(STARTED + "/a", on(queue).path(STARTED, STARTED + "/a"), queue);
    }
  }

  @Test
  void pathsOutsideTheStartingCheckoutStay() {
    LocalCheckout local = on(QUEUE);
    assertEquals(HERE + "/worktrees/a", local.path(STARTED, HERE + "/worktrees/a"));
    assertEquals("/home/ann/shop2/a", local.path(STARTED, "/home/ann/shop2/a"), "a sibling");
    assertEquals("/home/ann", local.path(STARTED, "/home/ann"));
    assertEquals("relative/a", local.path(STARTED, "relative/a"));
    assertEquals("/x/a", local.path("relative", "/x/a"), "a relative root names no checkout");
    assertNull(local.path(STARTED, null));
    assertEquals(STARTED, local.path(null, STARTED));
  }

  @Test
  void aCheckoutInsideTheStartingOneKeepsItsOwnPaths() {
    LocalCheckout inside = new LocalCheckout(java.nio.file.Path.of(STARTED + "/b"), () -> QUEUE);
    assertEquals(STARTED + "/b/worktrees/a", inside.path(STARTED, STARTED + "/b/worktrees/a"));
    assertEquals(STARTED + "/b/plan.md", inside.path(STARTED, STARTED + "/plan.md"));
  }

  @Test
  void theSameCheckoutOrAnUnknownOneChangesNothing() {
    assertEquals(HERE + "/a", on(QUEUE).path(HERE, HERE + "/a"));
    assertEquals(STARTED + "/a", LocalCheckout.UNKNOWN.path(STARTED, STARTED + "/a"));
    // Outside a Temporal activity there is no queue to tell whose run it is.
    LocalCheckout outside = LocalCheckout.at(java.nio.file.Path.of(HERE));
    assertEquals(STARTED + "/a", outside.path(STARTED, STARTED + "/a"));
  }

  @Test
  void requestsMoveTheirCheckoutAndWhatIsUnderItOnly() {
    LocalCheckout local = on(BraidNames.hostTaskQueue(QUEUE, "b"));
    AttemptRequest attempt =
        local.local(
            new AttemptRequest(
                "run",
                "a",
                STARTED,
                HERE + "/worktrees/a",
                STARTED + "/.parallel/plans/tasks/a.md",
                new AgentTier("fast", List.of("agent"), 1, 60, 1),
                2,
                List.of(List.of("true")),
                "guidance",
                "abc",
                true,
                1.5,
                "temporal-run",
                "session",
                "# Task a\n"));
    assertEquals(HERE, attempt.repo());
    assertEquals(HERE + "/worktrees/a", attempt.worktree());
    assertEquals(HERE + "/.parallel/plans/tasks/a.md", attempt.taskFile());
    assertEquals("# Task a\n", attempt.taskText(), "the text the run carries stays");
    assertEquals(
        List.of("run", "a", 2, "guidance", "abc", true, 1.5, "temporal-run", "session"),
        List.of(
            attempt.runId(),
            attempt.taskId(),
            attempt.attemptsBefore(),
            attempt.guidance(),
            attempt.baseCommit(),
            attempt.resetOnRetry(),
            attempt.budgetUsd(),
            attempt.logRun(),
            attempt.resumeSession()));

    CleanupRequest cleanup =
        local.local(
            new CleanupRequest(
                STARTED,
                "run",
                STARTED + "/.parallel/plans",
                "main",
                "origin",
                List.of("a"),
                true,
                "2026-01-01"));
    assertEquals(HERE, cleanup.repo());
    assertEquals(HERE + "/.parallel/plans", cleanup.planDir());
    assertEquals(List.of("a"), cleanup.taskIds());

    PullRequestSpec spec =
        local.local(
            new PullRequestSpec(
                new GitHubLocation(STARTED, "origin", null, null),
                "feature/a",
                "main",
                null,
                null,
                List.of("braid"),
                STARTED + "/.parallel/plans/tasks/a.md",
                7,
                "# Task a\n"));
    assertEquals(HERE, spec.github().repo());
    assertEquals(HERE + "/.parallel/plans/tasks/a.md", spec.taskFile());
    assertEquals(7, spec.closesIssue());
    assertEquals("# Task a\n", spec.taskText(), "the text the run carries stays");

    IssueRequest issue =
        local.local(
            new IssueRequest(
                new GitHubLocation(STARTED, "origin", null, null),
                "run/a",
                null,
                null,
                List.of(),
                STARTED + "/.parallel/plans/tasks/a.md",
                "# Task a\n"));
    assertEquals(HERE + "/.parallel/plans/tasks/a.md", issue.taskFile());
    assertEquals("# Task a\n", issue.taskText());

    PullRequestRequest pr =
        local.local(
            new PullRequestRequest(
                STARTED,
                "origin",
                "feature/a",
                "main",
                null,
                null,
                List.of(),
                null,
                null,
                STARTED + "/.parallel/plans/tasks/a.md",
                "# Task a\n"));
    assertEquals(HERE + "/.parallel/plans/tasks/a.md", pr.taskFile());
    assertEquals("# Task a\n", pr.taskText());
  }
}
