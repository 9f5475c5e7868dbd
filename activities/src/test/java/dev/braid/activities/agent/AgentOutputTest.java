package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.Usage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outputs captured from the real CLIs (Claude Code 2.1.332, Codex 0.171.0), trimmed. */
class AgentOutputTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void claudeCodeSuccessGivesUsageAndNoLimit() {
    AgentReport r =
        AgentOutput.forName("claude-code")
            .read(
                List.of(
                    "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,"
                        + "\"api_error_status\":null,\"total_cost_usd\":0.00004,\"num_turns\":2,"
                        + "\"session_id\":\"s1\",\"usage\":{\"input_tokens\":200,"
                        + "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,"
                        + "\"output_tokens\":40}}"),
                NOW);
    assertEquals(new Usage(0.00004, 200L, 40L, 2, "s1"), r.usage());
    assertNull(r.rateLimit());
  }

  @Test
  void claudeCode429IsARateLimitWithoutAResetTime() {
    AgentReport r =
        AgentOutput.forName(null)
            .read(
                List.of(
                    "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":true,"
                        + "\"api_error_status\":429,\"api_error_type\":\"rate_limit_error\","
                        + "\"result\":\"API Error: Request rejected (429) · Number of request"
                        + " tokens has exceeded your per-minute rate limit\",\"total_cost_usd\":0,"
                        + "\"num_turns\":1,\"usage\":{\"input_tokens\":0,\"output_tokens\":0}}"),
                NOW);
    assertEquals(
        "API Error: Request rejected (429) · Number of request tokens has exceeded your"
            + " per-minute rate limit",
        r.rateLimit().message());
    assertNull(r.rateLimit().resetAtMillis());
  }

  @Test
  void claudeCodeUsageLimitNamesItsReset() {
    AgentReport r =
        new ClaudeCodeOutput()
            .read(
                List.of(
                    "{\"type\":\"result\",\"is_error\":true,"
                        + "\"result\":\"Claude AI usage limit reached|1767229200\"}"),
                NOW);
    assertEquals(1_767_229_200_000L, r.rateLimit().resetAtMillis());
  }

  @Test
  void claudeCodeOtherErrorsAreNoRateLimit() {
    AgentReport r =
        new ClaudeCodeOutput()
            .read(
                List.of(
                    "{\"type\":\"result\",\"is_error\":true,\"api_error_status\":400,"
                        + "\"result\":\"API Error: 400 invalid model\"}"),
                NOW);
    assertNull(r.rateLimit());
  }

  @Test
  void codexTokensAreSummedOverTurnsAndItsCostStaysUnknown() {
    AgentReport r =
        AgentOutput.forName("codex")
            .read(
                List.of(
                    "{\"type\":\"thread.started\",\"thread_id\":\"th1\"}",
                    "{\"type\":\"turn.started\"}",
                    "{\"type\":\"item.completed\",\"item\":{\"id\":\"item_1\","
                        + "\"type\":\"agent_message\",\"text\":\"Done.\"}}",
                    "{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":200,"
                        + "\"cached_input_tokens\":0,\"output_tokens\":40}}",
                    "{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":5,"
                        + "\"output_tokens\":1}}"),
                NOW);
    assertEquals(new Usage(null, 205L, 41L, 2, "th1"), r.usage());
    assertNull(r.rateLimit());
  }

  @Test
  void codex429IsARateLimit() {
    AgentReport r =
        new CodexOutput()
            .read(
                List.of(
                    "{\"type\":\"error\",\"message\":\"exceeded retry limit, last status: 429 Too"
                        + " Many Requests\"}",
                    "{\"type\":\"turn.failed\",\"error\":{\"message\":\"exceeded retry limit,"
                        + " last status: 429 Too Many Requests\"}}"),
                NOW);
    assertEquals(
        "exceeded retry limit, last status: 429 Too Many Requests", r.rateLimit().message());
    assertNull(r.rateLimit().resetAtMillis());
  }

  @Test
  void a429CodexRetriedPastIsNoLimit() {
    AgentReport r =
        new CodexOutput()
            .read(
                List.of(
                    "{\"type\":\"turn.started\"}",
                    "{\"type\":\"error\",\"message\":\"Reconnecting... 1/5 (exceeded retry"
                        + " limit, last status: 429 Too Many Requests)\"}",
                    "{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":2000,"
                        + "\"cached_input_tokens\":0,\"output_tokens\":200}}"),
                NOW);
    assertNull(r.rateLimit());
    assertEquals(new Usage(null, 2000L, 200L, 1, null), r.usage());
  }

  @Test
  void codexUsageLimitSaysWhenToTryAgain() {
    AgentReport r =
        new CodexOutput()
            .read(
                List.of(
                    "{\"type\":\"turn.failed\",\"error\":{\"message\":\"You've hit your usage"
                        + " limit. Try again in 2 hours 5 minutes.\"}}"),
                NOW);
    assertEquals(NOW.plusSeconds(2 * 3600 + 5 * 60).toEpochMilli(), r.rateLimit().resetAtMillis());
  }

  @Test
  void anUnknownOutputNameIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> AgentOutput.forName("gemini"));
  }

  @Test
  void aSessionTheCliDoesNotHaveIsToldApartFromOtherFailures() {
    // What Claude Code 2.1.332 and Codex 0.171.0 printed, asked to resume an unknown session.
    assertTrue(
        AgentOutput.forName("claude-code")
            .sessionMissing(
                List.of(
                    "No conversation found with session ID: 43dbc008-47bf-4416-97b7-0f60aeaacdea")));
    assertTrue(
        AgentOutput.forName("codex")
            .sessionMissing(
                List.of(
                    "Error: thread/resume: thread/resume failed: no rollout found for thread id"
                        + " 5421ca13-ea29-4f59-bbd5-ac596f597e96 (code -32600)",
                    "",
                    "Stack backtrace:")));
    assertFalse(
        AgentOutput.forName("claude-code").sessionMissing(List.of("API Error: Request rejected")));
    assertFalse(
        AgentOutput.forName("codex")
            .sessionMissing(List.of("{\"type\":\"turn.failed\",\"error\":{}}")));
  }

  @Test
  void aResumedClaudeSessionReportsTheWholeSessionsCostButOnlyItsOwnTokens() {
    Usage before = new Usage(0.009, 2000L, 200L, 2, "s1");
    Usage reported = new Usage(0.0135, 1000L, 100L, 1, "s1");
    assertEquals(
        new Usage(0.0135, 3000L, 300L, 3, "s1"),
        AgentOutput.forName("claude-code").afterResume(before, reported));
  }

  @Test
  void aResumedCodexThreadReportsTheWholeThreadsTokens() {
    Usage before = new Usage(null, 2000L, 200L, 1, "th1");
    Usage reported = new Usage(null, 3000L, 300L, 1, "th1");
    assertEquals(
        new Usage(null, 3000L, 300L, 2, "th1"),
        AgentOutput.forName("codex").afterResume(before, reported));
  }

  @Test
  void codexGivingUpOnA429WithTheRequestIdIsARateLimit() {
    // Codex 0.171.0's events, as it printed them against the stand-in's 429 (with the x-request-id
    // the real API sends) and request_max_retries = 1.
    AgentReport r =
        AgentOutput.forName("codex")
            .read(
                List.of(
                    "{\"type\":\"thread.started\",\"thread_id\":\"01a23434-a4a5-76a0-874b-c7286ce27b9f\"}",
                    "{\"type\":\"turn.started\"}",
                    "{\"type\":\"error\",\"message\":\"Reconnecting... 1/1 (exceeded retry limit, last"
                        + " status: 429 Too Many Requests, request id: req_5eed0001)\"}",
                    "{\"type\":\"error\",\"message\":\"exceeded retry limit, last status: 429 Too Many"
                        + " Requests, request id: req_5eed0002\"}",
                    "{\"type\":\"turn.failed\",\"error\":{\"message\":\"exceeded retry limit, last"
                        + " status: 429 Too Many Requests, request id: req_5eed0002\"}}"),
                NOW);
    assertEquals(
        "exceeded retry limit, last status: 429 Too Many Requests, request id: req_5eed0002",
        r.rateLimit().message());
    assertNull(r.rateLimit().resetAtMillis());
    assertEquals("01a23434-a4a5-76a0-874b-c7286ce27b9f", r.usage().sessionId());
  }
}
