package dev.braid.activities.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.activity.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Claude Code's JSON result ({@code --output-format json}, or the last event of {@code
 * stream-json}): the usage through {@link UsageParser}, and a rate limit when the result is an
 * error for one. Claude Code 2.1 reports a refused request as {@code "is_error": true} with {@code
 * "api_error_status": 429} and {@code "api_error_type": "rate_limit_error"}; an overloaded API as
 * 529; a subscription's usage limit as a message naming its reset.
 *
 * <p>On {@code --resume}, 2.1.332 restores the session's cost (its transcript keeps a {@code
 * cost-state} entry), so {@code total_cost_usd} is the whole session's, while {@code usage} and
 * {@code num_turns} count only the resuming run's requests. Asked for a session it does not have,
 * it prints {@code No conversation found with session ID: <id>} and exits 1.
 */
final class ClaudeCodeOutput implements AgentOutput {
  private static final Set<Long> LIMIT_STATUSES = Set.of(429L, 529L);
  private static final Set<String> LIMIT_TYPES = Set.of("rate_limit_error", "overloaded_error");
  private static final Pattern LIMIT_WORDS =
      Pattern.compile("(?i)usage limit|rate limit|limit reached|overloaded");
  private static final Pattern NO_SESSION =
      Pattern.compile("No conversation found with session ID");

  @Override
  public boolean sessionMissing(List<String> lines) {
    return lines.stream().anyMatch(l -> NO_SESSION.matcher(l).find());
  }

  @Override
  public Usage afterResume(Usage before, Usage reported) {
    Usage sum = before.plus(reported);
    return new Usage(
        reported.costUsd(),
        sum.inputTokens(),
        sum.outputTokens(),
        sum.turns(),
        reported.sessionId());
  }

  @Override
  public AgentReport read(List<String> lines, Instant now) {
    JsonNode result = UsageParser.lastResult(lines);
    if (result == null) {
      return AgentReport.of(Usage.unknown());
    }
    Usage usage = UsageParser.fromResult(result);
    if (!result.path("is_error").asBoolean(false)) {
      return AgentReport.of(usage);
    }
    Long status = JsonLines.longOf(result.get("api_error_status"));
    String type = JsonLines.textOf(result.get("api_error_type"));
    String text = JsonLines.textOf(result.get("result"));
    boolean limited =
        (status != null && LIMIT_STATUSES.contains(status))
            || (type != null && LIMIT_TYPES.contains(type))
            || (text != null && LIMIT_WORDS.matcher(text).find());
    if (!limited) {
      return AgentReport.of(usage);
    }
    String message = text != null ? text : "API error " + status;
    return new AgentReport(usage, new RateLimit(message, ResetTimes.in(text, now)));
  }
}
