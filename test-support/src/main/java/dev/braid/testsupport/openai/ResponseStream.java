package dev.braid.testsupport.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes one response of the Responses API as the server-sent events it streams when asked with
 * {@code stream: true}: {@code response.created}, {@code response.in_progress}, then for the one
 * output item {@code response.output_item.added}, its content or arguments as deltas and their
 * {@code .done}, {@code response.output_item.done}, and last {@code response.completed} holding the
 * whole response with its {@code usage}. Every event carries a rising {@code sequence_number}; the
 * stream has no {@code [DONE]} sentinel, as in the real API.
 */
final class ResponseStream {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OutputStream out;
  private int sequence;

  ResponseStream(OutputStream out) {
    this.out = out;
  }

  /** Streams {@code response} (status completed, one item in {@code output}). */
  void write(ObjectNode response) throws IOException {
    ObjectNode item = (ObjectNode) response.get("output").get(0);
    ObjectNode pending = response.deepCopy();
    pending.put("status", "in_progress");
    pending.putArray("output");
    pending.putNull("usage");
    event("response.created", JSON.createObjectNode().set("response", pending));
    event("response.in_progress", JSON.createObjectNode().set("response", pending));
    ObjectNode opening = item.deepCopy().put("status", "in_progress");
    String id = item.get("id").asText();
    if ("message".equals(item.get("type").asText())) {
      String text = item.get("content").get(0).get("text").asText();
      opening.putArray("content");
      event("response.output_item.added", at(0).set("item", opening));
      ObjectNode empty = JSON.createObjectNode().put("type", "output_text").put("text", "");
      empty.putArray("annotations");
      event("response.content_part.added", part(id).set("part", empty));
      event("response.output_text.delta", part(id).put("delta", text));
      event("response.output_text.done", part(id).put("text", text));
      event("response.content_part.done", part(id).set("part", item.get("content").get(0)));
    } else {
      String arguments = item.get("arguments").asText();
      opening.put("arguments", "");
      event("response.output_item.added", at(0).set("item", opening));
      event(
          "response.function_call_arguments.delta",
          at(0).put("item_id", id).put("delta", arguments));
      event(
          "response.function_call_arguments.done",
          at(0).put("item_id", id).put("arguments", arguments));
    }
    event("response.output_item.done", at(0).set("item", item));
    event("response.completed", JSON.createObjectNode().set("response", response));
  }

  private static ObjectNode at(int outputIndex) {
    return JSON.createObjectNode().put("output_index", outputIndex);
  }

  private static ObjectNode part(String itemId) {
    return at(0).put("item_id", itemId).put("content_index", 0);
  }

  private void event(String type, ObjectNode data) throws IOException {
    ObjectNode event = JSON.createObjectNode().put("type", type).put("sequence_number", sequence++);
    event.setAll(data);
    out.write(("event: " + type + "\ndata: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
