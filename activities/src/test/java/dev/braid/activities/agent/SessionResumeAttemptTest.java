package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.AttemptFailure;
import dev.braid.activity.AttemptRequest;
import dev.braid.activity.Usage;
import dev.braid.config.AgentPreset;
import dev.braid.config.AgentTier;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same attempt run again after a rate limit, with a scripted stand-in of the {@code claude} CLI
 * that records each call's argv and stdin. It answers like Claude Code 2.1.332 did against the API
 * stand-in: a 429 result naming its session; on {@code --resume} of a session it has, a result
 * whose {@code total_cost_usd} is the whole session's and whose {@code usage} is its own run's; on
 * {@code --resume} of one it does not have, {@code No conversation found with session ID: <id>} and
 * exit 1.
 */
class SessionResumeAttemptTest {
  private static final ProcessRunner RUNNER = new ProcessRunner();
  private static final String LIMITED =
      "{\"type\":\"result\",\"is_error\":true,\"api_error_status\":429,"
          + "\"result\":\"API Error: Request rejected (429)\",\"total_cost_usd\":0.01,"
          + "\"usage\":{\"input_tokens\":100,\"output_tokens\":10},\"num_turns\":1,"
          + "\"session_id\":\"s-1\"}";
  private static final String RESUMED =
      "{\"type\":\"result\",\"is_error\":false,\"result\":\"Done.\",\"total_cost_usd\":0.03,"
          + "\"usage\":{\"input_tokens\":200,\"output_tokens\":20},\"num_turns\":2,"
          + "\"session_id\":\"$2\"}";
  private static final String FRESH =
      "{\"type\":\"result\",\"is_error\":false,\"result\":\"Done.\",\"total_cost_usd\":0.02,"
          + "\"usage\":{\"input_tokens\":50,\"output_tokens\":5},\"num_turns\":1,"
          + "\"session_id\":\"s-2\"}";

  @TempDir Path root;
  private GitFixture fx;
  private Path calls;
  private Path claude;

  @BeforeEach
  void setUp() throws Exception {
    fx = new GitFixture(root, "task-1");
    calls = root.resolve("calls");
    Files.createDirectories(calls);
    // The first call without --resume is refused; later ones succeed.
    claude =
        GitFixture.script(
            root.resolve("bin/claude"),
            String.join(
                "\n",
                "k=$(ls " + calls + " | grep -c args)",
                "printf '%s\\n' \"$@\" > " + calls + "/$k.args",
                "cat > " + calls + "/$k.stdin",
                "while [ $# -gt 0 ] && [ \"$1\" != --resume ]; do shift; done",
                "if [ \"$2\" = gone ]; then echo \"No conversation found with session ID: $2\";"
                    + " exit 1; fi",
                "if [ -n \"$2\" ]; then echo '"
                    + RESUMED.replace("$2", "'\"$2\"'")
                    + "'; exit 0; fi",
                "if [ ! -e "
                    + root.resolve("limited")
                    + " ]; then touch "
                    + root.resolve("limited"),
                "  echo '" + LIMITED + "'; exit 1; fi",
                "echo '" + FRESH + "'"));
  }

  private AttemptRequest request(String output, String session) {
    return request(output, session, null);
  }

  private AttemptRequest request(String output, String session, Double budgetUsd) {
    List<String> argv = new ArrayList<>(AgentPreset.CLAUDE_CODE.command("haiku"));
    argv.set(0, claude.toString());
    return new AttemptRequest(
        "run-1",
        fx.taskId,
        fx.repo.toString(),
        fx.worktree.toString(),
        fx.taskFile.toString(),
        new AgentTier("fast", argv, 1, 60, 1, output, output != null),
        0,
        List.of(),
        null,
        null,
        false,
        budgetUsd,
        "temporal-run-1",
        session);
  }

  private static AgentActivitiesImpl activities(int activityAttempt) {
    return new AgentActivitiesImpl(RUNNER, () -> new FakeAttemptContext(activityAttempt));
  }

  /** The first try, stopped by the limit: the session it names is the one to resume. */
  private String limitedTry(String output) {
    ApplicationFailure f =
        assertThrows(ApplicationFailure.class, () -> activities(1).attempt(request(output, null)));
    assertEquals(AttemptFailure.AGENT_RATE_LIMITED, f.getType(), f.getOriginalMessage());
    return f.getDetails().get(0, Usage.class).sessionId();
  }

  private List<String> args(int call) throws Exception {
    return Files.readAllLines(calls.resolve(call + ".args"));
  }

  private String stdin(int call) throws Exception {
    return Files.readString(calls.resolve(call + ".stdin"));
  }

  @Test
  void theAttemptAfterTheWaitResumesTheSessionWithAShortMessage() throws Exception {
    String session = limitedTry("claude-code");
    assertEquals("s-1", session);
    var result = activities(1).attempt(request("claude-code", session));
    List<String> resumed = args(1);
    assertEquals(List.of("--resume", "s-1"), resumed.subList(resumed.size() - 2, resumed.size()));
    assertTrue(stdin(1).startsWith("Your provider's rate limit stopped you"), stdin(1));
    assertFalse(stdin(1).contains("Rules for agents"), "the task is in the session already");
    // The resumed result's cost is the whole session's; its tokens and turns are its own run's.
    assertEquals(new Usage(0.03, 300L, 30L, 3, "s-1"), result.usage());
    String log = Files.readString(Path.of(result.logFile()));
    assertTrue(log.contains("attempt 1 (fast): agent " + claude), log);
    assertTrue(log.contains("resuming session s-1"), log);
  }

  @Test
  void aSessionTheCliDoesNotHaveStartsAfreshWithTheFullPromptInTheSameAttempt() throws Exception {
    limitedTry("claude-code");
    var result = activities(1).attempt(request("claude-code", "gone"));
    assertTrue(args(1).contains("--resume"));
    assertFalse(args(2).contains("--resume"), String.join(" ", args(2)));
    assertTrue(stdin(2).contains("(task " + fx.taskId + ")"), stdin(2));
    assertTrue(stdin(2).contains("Rules for agents"), stdin(2));
    // A new session: what the limited try used is added, and the new session is the one named.
    assertEquals(new Usage(0.03, 150L, 15L, 2, "s-2"), result.usage());
    String log = Files.readString(Path.of(result.logFile()));
    assertTrue(log.contains("No conversation found with session ID: gone"), log);
    assertTrue(log.contains("afresh: it has no session gone here"), log);
  }

  @Test
  void aCommandTierNeverResumesButStillCountsTheLimitedTry() throws Exception {
    limitedTry(null);
    var result = activities(1).attempt(request(null, "s-1"));
    assertFalse(args(1).contains("--resume"), String.join(" ", args(1)));
    assertTrue(stdin(1).isEmpty(), "a command tier reads no prompt on stdin");
    assertEquals(new Usage(0.03, 150L, 15L, 2, "s-2"), result.usage());
  }

  @Test
  void aRetryOfTheActivityIsTheNextAttemptAndStartsAfresh() throws Exception {
    Files.createFile(root.resolve("limited"));
    var result = activities(2).attempt(request("claude-code", "s-1"));
    assertFalse(args(0).contains("--resume"), String.join(" ", args(0)));
    assertEquals(2, result.attempt());
    assertTrue(stdin(0).contains("Rules for agents"), stdin(0));
  }

  @Test
  void whatTheLimitedTryCostCountsAgainstTheBudgetBeforeTheAttemptGoesOn() throws Exception {
    String session = limitedTry("claude-code");
    ApplicationFailure f =
        assertThrows(
            ApplicationFailure.class,
            () -> activities(1).attempt(request("claude-code", session, 0.005)));
    assertEquals(AttemptFailure.BUDGET_SPENT, f.getType(), f.getOriginalMessage());
    assertFalse(Files.exists(calls.resolve("1.args")), "the agent did not run again");
  }
}
