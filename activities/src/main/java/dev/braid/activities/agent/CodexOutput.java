package dev.braid.activities.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.activity.Usage;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the JSONL events of {@code codex exec --json}. Each {@code turn.completed} carries the
 * turn's {@code usage}; tokens are summed over turns. Codex reports no cost, so the cost stays
 * unknown: braid never prices tokens itself. A limit shows as an {@code error} or {@code
 * turn.failed} event whose message names it (Codex 0.171 says {@code exceeded retry limit, last
 * status: 429 Too Many Requests}; a plan's usage limit says when to try again). Codex also prints
 * an {@code error} event for each of its own retries ({@code Reconnecting... 1/5 (... 429 ...)});
 * when a turn then completes, the limit is behind it and the attempt's work happened, so only a
 * limit named after the last completed turn counts.
 *
 * <p>{@code codex exec resume} restores the thread's token counters, so the usage of a resumed
 * thread's {@code turn.completed} is the whole thread's. Asked for a thread it does not have,
 * 0.171.0 prints {@code thread/resume failed: no rollout found for thread id <id>} and exits 1.
 */
final class CodexOutput implements AgentOutput {
  private static final Pattern LIMIT_WORDS =
      Pattern.compile("(?i)\\b429\\b|too many requests|rate limit|usage limit");
  private static final Pattern NO_THREAD = Pattern.compile("no rollout found for thread id");

  @Override
  public boolean sessionMissing(List<String> lines) {
    return lines.stream().anyMatch(l -> NO_THREAD.matcher(l).find());
  }

  @Override
  public Usage afterResume(Usage before, Usage reported) {
    Usage turns = before.plus(reported);
    return new Usage(
        null, reported.inputTokens(), reported.outputTokens(), turns.turns(), reported.sessionId());
  }

  @Override
  public AgentReport read(List<String> lines, Instant now) {
    Long input = null;
    Long output = null;
    int turns = 0;
    String thread = null;
    String limitMessage = null;
    for (String line : lines) {
      JsonNode event = JsonLines.object(line);
      if (event == null) {
        continue;
      }
      switch (event.path("type").asText("")) {
        case "thread.started" -> thread = JsonLines.textOf(event.get("thread_id"));
        case "turn.completed" -> {
          JsonNode usage = event.path("usage");
          input = plus(input, JsonLines.longOf(usage.get("input_tokens")));
          output = plus(output, JsonLines.longOf(usage.get("output_tokens")));
          turns++;
          limitMessage = null;
        }
        case "turn.failed", "error" -> {
          String message = errorMessage(event);
          if (message != null && LIMIT_WORDS.matcher(message).find()) {
            limitMessage = message;
          }
        }
        default -> {}
      }
    }
    Usage usage =
        turns == 0 && thread == null
            ? Usage.unknown()
            : new Usage(null, input, output, turns == 0 ? null : turns, thread);
    RateLimit limit =
        limitMessage == null ? null : new RateLimit(limitMessage, ResetTimes.in(limitMessage, now));
    return new AgentReport(usage, limit);
  }

  private static String errorMessage(JsonNode event) {
    String direct = JsonLines.textOf(event.get("message"));
    return direct != null ? direct : JsonLines.textOf(event.path("error").get("message"));
  }

  /** A sum where a turn that did not report a counter leaves the total as it was. */
  private static Long plus(Long total, Long turn) {
    if (turn == null) {
      return total;
    }
    return total == null ? turn : total + turn;
  }
}
