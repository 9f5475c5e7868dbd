package dev.braid.activities.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.activity.Usage;
import java.util.List;

/**
 * Reads what an agent consumed from Claude Code's JSON result ({@code --output-format json}, or the
 * last event of {@code stream-json}). Other agents print no such line, and their usage stays
 * unknown: a missing field is null, never a guess.
 */
public final class UsageParser {
  private UsageParser() {}

  /** The usage in the last result object of the output, or {@link Usage#unknown()}. */
  public static Usage parse(String output) {
    return parse(output.lines().toList());
  }

  /** The usage in the last line that is a result object, scanning from the end. */
  public static Usage parse(List<String> lines) {
    JsonNode result = lastResult(lines);
    return result == null ? Usage.unknown() : fromResult(result);
  }

  /** The last line that is Claude Code's result object, or null. */
  static JsonNode lastResult(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i);
      if (!line.contains("\"result\"")) {
        continue;
      }
      JsonNode node = JsonLines.object(line);
      if (node != null && "result".equals(node.path("type").asText(null))) {
        return node;
      }
    }
    return null;
  }

  static Usage fromResult(JsonNode result) {
    JsonNode usage = result.path("usage");
    Long input = longOf(usage.get("input_tokens"));
    if (input != null) {
      // Cache writes and reads are input too; an absent counter means none were used.
      Long created = longOf(usage.get("cache_creation_input_tokens"));
      Long read = longOf(usage.get("cache_read_input_tokens"));
      input += (created == null ? 0 : created) + (read == null ? 0 : read);
    }
    JsonNode cost = result.get("total_cost_usd");
    JsonNode turns = result.get("num_turns");
    JsonNode session = result.get("session_id");
    return new Usage(
        cost != null && cost.isNumber() ? cost.doubleValue() : null,
        input,
        longOf(usage.get("output_tokens")),
        turns != null && turns.canConvertToInt() && turns.isIntegralNumber()
            ? turns.intValue()
            : null,
        session != null && session.isTextual() ? session.textValue() : null);
  }

  private static Long longOf(JsonNode node) {
    return JsonLines.longOf(node);
  }
}
