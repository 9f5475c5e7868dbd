package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.AttemptRequest;
import dev.braid.activity.TierUsage;
import dev.braid.activity.Usage;
import dev.braid.config.AgentTier;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A successful attempt splits what the task's attempts used by the tier each ran on. */
class UsageByTierTest {
  @TempDir Path root;
  private GitFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new GitFixture(root, "task-1");
  }

  /** An agent that prints Claude Code's result with this cost and exits with this status. */
  private Path agent(String name, double usd, int exit) throws Exception {
    return GitFixture.script(
        root.resolve("bin/" + name),
        "echo '{\"type\":\"result\",\"is_error\":false,\"total_cost_usd\":"
            + usd
            + ",\"usage\":{\"input_tokens\":10,\"output_tokens\":1},\"num_turns\":1}'\nexit "
            + exit);
  }

  private AttemptRequest request(String tier, Path agent, int attemptsBefore) {
    return new AttemptRequest(
        "run-1",
        fx.taskId,
        fx.repo.toString(),
        fx.worktree.toString(),
        fx.taskFile.toString(),
        new AgentTier(tier, List.of(agent.toString()), 1, 60, 1),
        attemptsBefore,
        List.of(),
        null,
        null,
        false);
  }

  private static AgentActivitiesImpl activities(int activityAttempt) {
    return new AgentActivitiesImpl(
        new ProcessRunner(), () -> new FakeAttemptContext(activityAttempt));
  }

  @Test
  void eachTiersAttemptsAreSummedApartInTheOrderTheTiersRan() throws Exception {
    Path failing = agent("failing", 0.25, 1);
    assertThrows(
        ApplicationFailure.class, () -> activities(1).attempt(request("fast", failing, 0)));
    assertThrows(
        ApplicationFailure.class, () -> activities(2).attempt(request("fast", failing, 0)));
    var result = activities(1).attempt(request("strong", agent("passing", 1.5, 0), 2));
    assertEquals(
        List.of(
            new TierUsage("fast", 2, new Usage(0.5, 20L, 2L, 2, null)),
            new TierUsage("strong", 1, new Usage(1.5, 10L, 1L, 1, null))),
        result.usageByTier());
    assertEquals(2.0, result.usage().costUsd(), 1e-9);
  }

  @Test
  void theListenerHearsEachAgentRunOnItsOwnWhetherTheAttemptFailedOrPassed() throws Exception {
    List<String> heard = new java.util.ArrayList<>();
    AgentUsageListener listener = (tier, usage) -> heard.add(tier + " " + usage.costUsd());
    Path failing = agent("failing", 0.25, 1);
    assertThrows(
        ApplicationFailure.class,
        () ->
            new AgentActivitiesImpl(new ProcessRunner(), () -> new FakeAttemptContext(1), listener)
                .attempt(request("fast", failing, 0)));
    new AgentActivitiesImpl(new ProcessRunner(), () -> new FakeAttemptContext(1), listener)
        .attempt(request("strong", agent("passing", 1.5, 0), 1));
    // The passing attempt's result sums both runs (1.75); the listener heard each once.
    assertEquals(List.of("fast 0.25", "strong 1.5"), heard);
  }

  @Test
  void anAttemptWhoseTierWasNeverRecordedLeavesTheSplitUnknown() throws Exception {
    // Attempt 1 ran before tiers were recorded: only its usage is there.
    Files.createDirectories(fx.stateDir());
    Files.writeString(fx.stateDir().resolve("usage-1.json"), "{\"costUsd\":0.1}");
    var result = activities(1).attempt(request("fast", agent("passing", 1.5, 0), 1));
    assertNull(result.usageByTier());
  }
}
