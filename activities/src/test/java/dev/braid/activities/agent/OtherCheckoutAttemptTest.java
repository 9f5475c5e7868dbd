package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activities.files.LocalCheckout;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.AttemptRequest;
import dev.braid.activity.AttemptResult;
import dev.braid.activity.ManualWorkRequest;
import dev.braid.config.AgentTier;
import dev.braid.workflow.BraidNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An attempt of a run started from a checkout elsewhere: the request names the task file and the
 * checkout of the host that started the run, which this host does not have; the agent reads the
 * task file of this host's clone, and the logs are written there.
 */
class OtherCheckoutAttemptTest {
  private static final ProcessRunner RUNNER =
      new ProcessRunner(Duration.ofMillis(500), Duration.ofMillis(100));
  private static final String HOST_QUEUE =
      BraidNames.hostTaskQueue(BraidNames.repositoryQueue("example.com/shop"), "b");

  @TempDir Path root;
  private GitFixture here;
  private Path started;
  private AgentActivitiesImpl activities;

  @BeforeEach
  void setUp() throws Exception {
    here = new GitFixture(root.resolve("b").resolve("work"), "task-1");
    started = root.resolve("a").resolve("repo");
    activities =
        new AgentActivitiesImpl(
            RUNNER,
            () -> new FakeAttemptContext(1),
            AgentUsageListener.NONE,
            new LocalCheckout(here.repo, () -> HOST_QUEUE));
  }

  @Test
  void theAgentReadsThisHostsTaskFileAndTheLogsStayHere() throws Exception {
    Path seen = root.resolve("seen");
    Path agent =
        GitFixture.script(
            root.resolve("bin/agent"),
            "echo \"$BRAID_TASK_FILE\" > " + seen + "\necho hello > hello.txt");
    Path startedTaskFile = started.resolve(here.repo.relativize(here.taskFile));

    AttemptResult result =
        activities.attempt(
            new AttemptRequest(
                "run",
                here.taskId,
                started.toString(),
                here.worktree.toString(),
                startedTaskFile.toString(),
                new AgentTier("fast", List.of(agent.toString()), 1, 60, 1),
                0,
                List.of(List.of("test", "-f", "hello.txt")),
                null,
                null,
                false,
                null,
                "temporal-run",
                null));

    assertEquals(here.taskFile.toString(), Files.readString(seen).strip());
    assertTrue(
        Path.of(result.logFile()).startsWith(here.repo.resolve(".parallel/logs")),
        result.logFile());
    assertTrue(Files.exists(Path.of(result.logFile())));
    assertFalse(Files.exists(started), "nothing is made where the run started");

    AttemptResult manual =
        activities.acceptManualWork(
            new ManualWorkRequest(
                "run",
                here.taskId,
                started.toString(),
                here.worktree.toString(),
                List.of(List.of("true")),
                "temporal-run"));
    assertTrue(
        Path.of(manual.logFile()).startsWith(here.repo.resolve(".parallel/logs")),
        manual.logFile());
    assertFalse(Files.exists(started), "nothing is made where the run started");
  }
}
