package dev.braid.starter.transcript;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes a Claude Code session transcript the way Claude Code 2.1.332 writes one: a JSON record a
 * line, with the fields its records have (seen in a transcript the real CLI wrote against the
 * stand-in API), among them records that hold no message at all.
 */
public final class TranscriptFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String sessionId = UUID.randomUUID().toString();
  private final List<String> lines = new ArrayList<>();
  private String parent;

  public TranscriptFile() {
    ObjectNode queue = JSON.createObjectNode();
    queue.put("type", "queue-operation").put("operation", "enqueue");
    queue.put("timestamp", "2026-12-02T00:13:12.380Z").put("sessionId", sessionId);
    lines.add(queue.toString());
  }

  /** What the user typed. */
  public TranscriptFile user(String text) {
    ObjectNode record = record("user");
    record.putObject("message").put("role", "user").put("content", text);
    return add(record);
  }

  /** An assistant message of text blocks, one record, as Claude Code writes a streamed answer. */
  public TranscriptFile assistant(String... textBlocks) {
    ObjectNode record = record("assistant");
    ArrayNode content = message(record);
    for (String text : textBlocks) {
      content.addObject().put("type", "text").put("text", text);
    }
    return add(record);
  }

  /** An assistant message whose {@code content} is a plain string, as older transcripts have. */
  TranscriptFile assistantString(String text) {
    ObjectNode record = record("assistant");
    message(record);
    ((ObjectNode) record.get("message")).put("content", text);
    return add(record);
  }

  /** An assistant message of a subagent, carried in the main transcript. */
  public TranscriptFile sidechain(String text) {
    ObjectNode record = record("assistant");
    record.put("isSidechain", true);
    message(record).addObject().put("type", "text").put("text", text);
    return add(record);
  }

  /** A Bash call and its result. */
  public TranscriptFile bash(String command, String output) {
    ObjectNode call = record("assistant");
    ObjectNode use = message(call).addObject();
    String id = "toolu_" + lines.size();
    use.put("type", "tool_use").put("id", id).put("name", "Bash");
    use.putObject("input").put("command", command).put("description", "run it");
    add(call);
    ObjectNode result = record("user");
    ArrayNode content = result.putObject("message").put("role", "user").putArray("content");
    content.addObject().put("tool_use_id", id).put("type", "tool_result").put("content", output);
    return add(result);
  }

  /** A line that is no JSON, as a session still writing its last line leaves. */
  public TranscriptFile torn(String text) {
    lines.add(text);
    return this;
  }

  /** The 1-based line of the last record written. */
  public int lastLine() {
    return lines.size();
  }

  public Path writeTo(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  private ObjectNode record(String type) {
    ObjectNode record = JSON.createObjectNode();
    record.put("parentUuid", parent).put("isSidechain", false).put("type", type);
    String uuid = UUID.randomUUID().toString();
    record.put("uuid", uuid).put("timestamp", "2026-12-02T00:13:13.243Z");
    record.put("userType", "external").put("entrypoint", "cli").put("cwd", "/src/app");
    record.put("sessionId", sessionId).put("version", "2.1.332").put("gitBranch", "main");
    parent = uuid;
    return record;
  }

  private static ArrayNode message(ObjectNode record) {
    ObjectNode message = record.putObject("message");
    message.put("id", "msg_" + UUID.randomUUID()).put("type", "message");
    message.put("role", "assistant").put("model", "claude-opus-5-5");
    ArrayNode content = message.putArray("content");
    message.put("stop_reason", "end_turn").putNull("stop_sequence");
    message.putObject("usage").put("input_tokens", 1000).put("output_tokens", 100);
    return content;
  }

  private TranscriptFile add(ObjectNode record) {
    lines.add(record.toString());
    return this;
  }
}
