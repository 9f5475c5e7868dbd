package dev.braid.activities.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activities.git.GitCli;
import dev.braid.activities.process.Heartbeat;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.CleanupActivities;
import dev.braid.activity.CleanupResult;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The activity around the cleaner: it heartbeats, and a refused request is not retried. */
class CleanupActivitiesImplTest {
  @TempDir Path dir;

  @Test
  void cleansAndHeartbeatsOncePerTask() {
    CleanupRepo repo = CleanupRepo.create(dir);
    repo.task("a");
    repo.merge("feature/a");
    AtomicInteger beats = new AtomicInteger();
    Heartbeat counting = elapsed -> beats.incrementAndGet();

    CleanupResult result =
        new CleanupActivitiesImpl(new ProcessRunner(), () -> counting)
            .cleanup(repo.request(List.of("a")));

    assertEquals(List.of("feature/a", "origin/feature/a"), result.deletedBranches());
    assertTrue(beats.get() >= 1, "beats: " + beats.get());
  }

  @Test
  void stopsTheAgentALostWorkerLeftInATaskWorktreeFirst() throws Exception {
    CleanupRepo repo = CleanupRepo.create(dir);
    Path worktree = repo.task("a");
    repo.merge("feature/a");
    // An agent as a lost worker leaves it: its own process group, recorded in the pid file.
    Process agent =
        new ProcessBuilder("setsid", "sleep", "300").directory(worktree.toFile()).start();
    long started = agent.toHandle().info().startInstant().orElseThrow().toEpochMilli();
    Path pidFile = new GitCli(worktree).gitDir().resolve("braid/agent.pid");
    Files.createDirectories(pidFile.getParent());
    Files.writeString(pidFile, agent.pid() + " " + started + "\n");
    try {
      CleanupResult result =
          new CleanupActivitiesImpl(new ProcessRunner(), () -> Heartbeat.NONE)
              .cleanup(repo.request(List.of("a")));

      assertTrue(agent.waitFor(10, TimeUnit.SECONDS), "the leftover agent was killed");
      assertEquals(List.of(worktree.toString()), result.removedWorktrees());
    } finally {
      agent.destroyForcibly();
    }
  }

  @Test
  void anUnsafeTaskIdIsANonRetryableFailure() {
    CleanupRepo repo = CleanupRepo.create(dir);
    ApplicationFailure failure =
        assertThrows(
            ApplicationFailure.class,
            () ->
                new CleanupActivitiesImpl(new ProcessRunner(), () -> Heartbeat.NONE)
                    .cleanup(repo.request(List.of("-rf"))));
    assertEquals(CleanupActivities.CLEANUP_REFUSED, failure.getType());
    assertTrue(failure.isNonRetryable());
  }
}
