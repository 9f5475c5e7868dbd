package dev.braid.testsupport.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A Messages API answer as server-sent events, in the order the real API sends them: {@code
 * message_start}, then per content block {@code content_block_start/delta/stop}, then {@code
 * message_delta} with the stop reason and the output usage, and {@code message_stop}.
 */
final class MessageStream {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MessageStream() {}

  /**
   * Sends the message as the Messages API streams it.
   *
   * @param outputTokens what the closing {@code message_delta} reports as the answer's output
   */
  static void send(HttpExchange exchange, ObjectNode message, long outputTokens)
      throws IOException {
    exchange.getResponseHeaders().set("content-type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    ObjectNode start = message.deepCopy();
    start.putArray("content");
    start.putNull("stop_reason");
    ((ObjectNode) start.get("usage")).put("output_tokens", 1);
    event(
        out,
        "message_start",
        JSON.createObjectNode().put("type", "message_start").set("message", start));
    int index = 0;
    for (JsonNode block : message.get("content")) {
      ObjectNode opening = block.deepCopy();
      ObjectNode delta = JSON.createObjectNode();
      if ("text".equals(block.path("type").asText())) {
        opening.put("text", "");
        delta.put("type", "text_delta").put("text", block.get("text").asText());
      } else {
        opening.putObject("input");
        delta.put("type", "input_json_delta").put("partial_json", block.get("input").toString());
      }
      event(
          out,
          "content_block_start",
          JSON.createObjectNode()
              .put("type", "content_block_start")
              .put("index", index)
              .set("content_block", opening));
      event(
          out,
          "content_block_delta",
          JSON.createObjectNode()
              .put("type", "content_block_delta")
              .put("index", index)
              .set("delta", delta));
      event(
          out,
          "content_block_stop",
          JSON.createObjectNode().put("type", "content_block_stop").put("index", index));
      index++;
    }
    ObjectNode end = JSON.createObjectNode().put("type", "message_delta");
    end.putObject("delta")
        .put("stop_reason", message.get("stop_reason").asText())
        .putNull("stop_sequence");
    end.putObject("usage").put("output_tokens", outputTokens);
    event(out, "message_delta", end);
    event(out, "message_stop", JSON.createObjectNode().put("type", "message_stop"));
  }

  private static void event(OutputStream out, String name, JsonNode data) throws IOException {
    out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
