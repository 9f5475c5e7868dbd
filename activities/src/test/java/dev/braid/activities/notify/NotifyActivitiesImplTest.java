package dev.braid.activities.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activities.process.Heartbeat;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activities.secrets.ChildEnvironment;
import dev.braid.activities.secrets.EnvironmentGrants;
import dev.braid.activity.NotifyActivities;
import dev.braid.activity.NotifyRequest;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyActivitiesImplTest {
  private static final String REASON = "all tiers failed: check `npm test` failed with status 1";

  @TempDir Path root;

  private final NotifyActivitiesImpl notifier =
      new NotifyActivitiesImpl(
          new ProcessRunner(Duration.ofMillis(500), Duration.ofMillis(100)), () -> Heartbeat.NONE);

  private NotifyRequest request(List<String> command) {
    return new NotifyRequest(command, root.toString(), "run-1", "task-3", REASON);
  }

  /** A command that writes its variables and working directory, one a line, to {@code out}. */
  private static List<String> recorder(Path out) {
    return List.of(
        "bash",
        "-c",
        "printf '%s\\n' \"$BRAID_RUN_ID\" \"$BRAID_TASK_ID\" \"$BRAID_BLOCKED_REASON\" \"$PWD\""
            + " > \"$1\"",
        "notify",
        out.toString());
  }

  @Test
  void aRequestWithoutACommandRunsTheWorkersOwnSoTheArgvNeverEntersTheHistory() throws Exception {
    Path out = root.resolve("worker.txt");
    NotifyActivitiesImpl workerSide =
        new NotifyActivitiesImpl(
            new ProcessRunner(Duration.ofMillis(500), Duration.ofMillis(100)),
            () -> Heartbeat.NONE,
            recorder(out));

    assertTrue(workerSide.notifyBlocked(request(List.of())));

    assertEquals("task-3", Files.readAllLines(out).get(1));
    assertFalse(notifier.notifyBlocked(request(List.of())), "no command anywhere: nobody to tell");
  }

  @Test
  void theCommandGetsTheRunTaskAndReasonInItsEnvironment() throws Exception {
    Path out = root.resolve("out.txt");

    assertTrue(notifier.notifyBlocked(request(recorder(out))));

    assertEquals(
        List.of("run-1", "task-3", REASON, root.toRealPath().toString()),
        Files.readAllLines(out),
        "run id, task id, reason, and the repository as working directory");
  }

  @Test
  void theReasonReachesTheCommandMaskedAndTheCommandSeesNoGitHubToken() throws Exception {
    Map<String, String> parent = new HashMap<>(System.getenv());
    parent.put("GITHUB_TOKEN", "ghp_FAKEnotifyTOKEN123");
    parent.put("SLACK_WEBHOOK_SECRET", "hooks-secret-value");
    NotifyActivitiesImpl masked =
        new NotifyActivitiesImpl(
            new ProcessRunner(
                Duration.ofMillis(500),
                Duration.ofMillis(100),
                new ChildEnvironment(parent, EnvironmentGrants.NONE)),
            () -> Heartbeat.NONE);
    Path out = root.resolve("out.txt");
    List<String> command =
        List.of(
            "bash",
            "-c",
            "printf '%s\\n' \"$BRAID_BLOCKED_REASON\" \"gh=$GITHUB_TOKEN\" > \"$1\"",
            "notify",
            out.toString());

    assertTrue(
        masked.notifyBlocked(
            new NotifyRequest(
                command, root.toString(), "run-1", "task-3", "check printed hooks-secret-value")));

    assertEquals(List.of("check printed ***", "gh="), Files.readAllLines(out));
  }

  @Test
  void aNonZeroExitIsReportedAsFalse() {
    assertFalse(notifier.notifyBlocked(request(List.of("bash", "-c", "echo nope >&2; exit 7"))));
  }

  @Test
  void aMissingExecutableIsReportedAsFalse() {
    assertFalse(notifier.notifyBlocked(request(List.of("no-such-notifier-braid-test"))));
    assertFalse(
        notifier.notifyBlocked(request(List.of(root.resolve("bin/notify").toString(), "x"))));
  }

  @Test
  void anEmptyCommandIsReportedAsFalse() {
    assertFalse(notifier.notifyBlocked(request(List.of())));
  }

  @Test
  void aMissingRepositoryIsReportedAsFalse() {
    Path out = root.resolve("out.txt");
    NotifyRequest r =
        new NotifyRequest(recorder(out), root.resolve("gone").toString(), "run-1", "t", REASON);
    assertFalse(notifier.notifyBlocked(r));
    assertFalse(Files.exists(out));
  }

  @Test
  void runsInsideATemporalActivity() throws Exception {
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(new NotifyActivitiesImpl());
      NotifyActivities stub =
          env.newActivityStub(
              NotifyActivities.class,
              ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());
      Path out = root.resolve("out.txt");

      assertTrue(stub.notifyBlocked(request(recorder(out))));
      assertFalse(stub.notifyBlocked(request(List.of("bash", "-c", "exit 1"))));

      assertEquals("task-3", Files.readAllLines(out).get(1));
    } finally {
      env.close();
    }
  }
}
