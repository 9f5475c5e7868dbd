package dev.braid.activities.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.CleanupActivities;
import dev.braid.activity.CleanupResult;
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
 * The cleanup activity inside Temporal's activity test environment with its default constructor:
 * the interface is a valid activity, its heartbeats reach Temporal, and a refusal keeps its type.
 */
class CleanupActivitiesTemporalTest {
  private static final ActivityOptions OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setHeartbeatTimeout(Duration.ofSeconds(30))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
          .build();

  @TempDir Path dir;

  private TestActivityEnvironment env;
  private final AtomicInteger beats = new AtomicInteger();

  @BeforeEach
  void setUp() {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(new CleanupActivitiesImpl());
    env.setActivityHeartbeatListener(Long.class, elapsed -> beats.incrementAndGet());
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void cleansThroughTemporalAndHeartbeats() {
    CleanupRepo repo = CleanupRepo.create(dir);
    repo.task("a");
    repo.merge("feature/a");

    CleanupResult result =
        env.newActivityStub(CleanupActivities.class, OPTIONS).cleanup(repo.request(List.of("a")));

    assertEquals(List.of("feature/a", "origin/feature/a"), result.deletedBranches());
    assertTrue(beats.get() >= 1, "beats: " + beats.get());
  }

  @Test
  void aRefusedRequestFailsOnceWithItsType() {
    CleanupRepo repo = CleanupRepo.create(dir);
    CleanupActivities stub = env.newActivityStub(CleanupActivities.class, OPTIONS);

    ActivityFailure failure =
        assertThrows(ActivityFailure.class, () -> stub.cleanup(repo.request(List.of("../x"))));

    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, failure.getCause());
    assertEquals(CleanupActivities.CLEANUP_REFUSED, cause.getType());
    assertTrue(cause.isNonRetryable());
  }
}
