package dev.braid.activities.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads single lines of agent output that may be JSON objects, and the values inside them. */
final class JsonLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLines() {}

  /** The line as a JSON object, or null when it is ordinary output. */
  static JsonNode object(String line) {
    String s = line.strip();
    if (!s.startsWith("{")) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(s);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      // A line that only looks like JSON is ordinary agent output.
      return null;
    }
  }

  static Long longOf(JsonNode node) {
    return node != null && node.isIntegralNumber() ? node.longValue() : null;
  }

  static String textOf(JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : null;
  }
}
