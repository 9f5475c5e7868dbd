package dev.braid.activities.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.GitActivities;
import dev.braid.activity.MergeRequest;
import dev.braid.activity.MergeResult;
import dev.braid.activity.PrepareRequest;
import dev.braid.activity.PreparedWorktree;
import dev.braid.activity.WorktreeActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the activities inside Temporal's activity test environment with their default constructors,
 * which proves that their heartbeats reach Temporal and that failures keep their type.
 */
class TemporalActivityEnvironmentTest {
  private static final ActivityOptions OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setHeartbeatTimeout(Duration.ofSeconds(30))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
          .build();

  @TempDir Path dir;

  private TestRepo repo;
  private TestActivityEnvironment env;
  private final AtomicInteger beats = new AtomicInteger();

  @BeforeEach
  void setUp() {
    repo = TestRepo.create(dir);
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new WorktreeActivitiesImpl(TestRepo.HOST_QUEUE), new GitActivitiesImpl());
    env.setActivityHeartbeatListener(Long.class, elapsed -> beats.incrementAndGet());
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void prepareHeartbeatsAndRunsSetup() {
    WorktreeActivities activities = env.newActivityStub(WorktreeActivities.class, OPTIONS);
    List<List<String>> setup = List.of(List.of("sh", "-c", "echo ready > setup-ran"));

    PreparedWorktree prepared =
        activities.prepare(new PrepareRequest(repo.repo.toString(), "t1", "main", setup));

    assertEquals(TestRepo.HOST_QUEUE, prepared.hostTaskQueue());
    assertEquals("ready\n", TestRepo.read(Path.of(prepared.path(), "setup-ran")));
    assertTrue(beats.get() > 0, "prepare heartbeats through the activity context");
  }

  @Test
  void setupFailureReachesTheCallerWithItsType() {
    WorktreeActivities activities = env.newActivityStub(WorktreeActivities.class, OPTIONS);
    List<List<String>> setup = List.of(List.of("sh", "-c", "exit 4"));

    ActivityFailure failure =
        assertThrows(
            ActivityFailure.class,
            () ->
                activities.prepare(new PrepareRequest(repo.repo.toString(), "t1", "main", setup)));

    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, failure.getCause());
    assertEquals(GitFailures.SETUP_FAILED, cause.getType());
  }

  @Test
  void mergeHeartbeatsAndMovesTheTarget() {
    String a = repo.taskWithFile("a", "a.txt", "a\n");
    GitActivities activities = env.newActivityStub(GitActivities.class, OPTIONS);

    MergeResult result =
        activities.merge(
            new MergeRequest(
                "run1",
                repo.repo.toString(),
                "main",
                List.of("feature/a"),
                // The setup runs first in the new integration worktree; the check proves it did.
                List.of(List.of("touch", "setup-ran")),
                List.of(List.of("test", "-f", "a.txt"), List.of("test", "-f", "setup-ran")),
                "origin"));

    assertEquals(List.of("feature/a"), result.merged());
    assertTrue(result.checksPassed());
    assertEquals(repo.rev("main"), result.targetHead());
    assertEquals(a, repo.rev("main^2"));
    assertTrue(beats.get() > 0, "merge heartbeats through the activity context");
  }
}
