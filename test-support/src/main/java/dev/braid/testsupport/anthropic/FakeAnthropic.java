package dev.braid.testsupport.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in of the Anthropic Messages API ({@code POST /v1/messages}) that the real
 * Claude Code CLI can talk to through {@code ANTHROPIC_BASE_URL}. Each task of a test has a script:
 * one list of {@link ModelTurn}s per conversation (an attempt of the agent), answered in order. A
 * conversation is the task's when its first user message names it ({@code (task id)}, as braid's
 * prompts do); what a person types into Claude Code (a slash command, say) is scripted under a cue
 * instead, any text their latest message holds ({@link #conversationCued}). Answers stream as
 * server-sent events when asked ({@code message_start}, {@code content_block_start/delta/stop},
 * {@code message_delta}, {@code message_stop}), else come as one JSON message; each carries {@code
 * usage}, which is added to what {@link #billedInputTokens} and {@link #billedOutputTokens} report.
 * The next {@link #refuse} requests get a {@link Refusal} (429 or 529) instead, billing nothing.
 * Every request body is recorded for assertions.
 */
public final class FakeAnthropic implements AutoCloseable {
  /** What every answer bills: fixed, so a test can compute what the agent must report. */
  public static final long INPUT_TOKENS_PER_ANSWER = 1000;

  public static final long OUTPUT_TOKENS_PER_ANSWER = 100;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TASK = Pattern.compile("\\(task ([A-Za-z0-9._-]+)\\)");

  /** Keeps cued scripts apart from tasks' scripts: no task id can start with a space. */
  private static final String CUE_PREFIX = " cue:";

  private static final Pattern WORKDIR = Pattern.compile("orking directory: (\\S+)");

  private final HttpServer server;
  private final Map<String, List<List<ModelTurn>>> scripts = new HashMap<>();
  private final Map<String, Integer> conversations = new HashMap<>();
  private final List<String> cues = new ArrayList<>();
  private final List<JsonNode> requests = new ArrayList<>();
  private Refusal refusal;
  private int answerFirst;
  private int refusals;
  private int refused;
  private long billedInput;
  private long billedOutput;
  private int ids;

  public FakeAnthropic() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/v1/messages", this::handle);
    server.start();
  }

  /** The URL for {@code ANTHROPIC_BASE_URL}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Scripts the task's next conversation (the next attempt of its agent). */
  public synchronized FakeAnthropic conversation(String taskId, ModelTurn... turns) {
    scripts.computeIfAbsent(taskId, k -> new ArrayList<>()).add(List.of(turns));
    return this;
  }

  /**
   * Scripts the next conversation whose first user message contains {@code cue}, for a conversation
   * that is no braid task's: what a person types, or the slash command it expands to.
   */
  public synchronized FakeAnthropic conversationCued(String cue, ModelTurn... turns) {
    cues.add(cue);
    return conversation(CUE_PREFIX + cue, turns);
  }

  /**
   * Refuses the next {@code requests} requests with this refusal, as the API does when a limit is
   * hit; the requests after them are answered from the script again.
   */
  public synchronized FakeAnthropic refuse(int requests, Refusal refusal) {
    return refuseAfter(0, requests, refusal);
  }

  /**
   * Answers the next {@code answered} requests from the script, then refuses {@code requests}
   * requests with this refusal: a limit met in the middle of a conversation.
   */
  public synchronized FakeAnthropic refuseAfter(int answered, int requests, Refusal refusal) {
    this.answerFirst = answered;
    this.refusals = requests;
    this.refusal = refusal;
    return this;
  }

  /** How many requests were refused. */
  public synchronized int refusedRequests() {
    return refused;
  }

  /** The request bodies received so far, refused or answered, oldest first. */
  public synchronized List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  public synchronized long billedInputTokens() {
    return billedInput;
  }

  public synchronized long billedOutputTokens() {
    return billedOutput;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      Refusal no = refusal(request);
      if (no != null) {
        no.send(exchange);
        return;
      }
      ObjectNode message = answer(request);
      if (request.path("stream").asBoolean(false)) {
        MessageStream.send(exchange, message, OUTPUT_TOKENS_PER_ANSWER);
      } else {
        byte[] body = JSON.writeValueAsBytes(message);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
    }
  }

  /** Records the request; the refusal it gets, or null when it is to be answered. */
  private synchronized Refusal refusal(JsonNode request) {
    requests.add(request);
    if (answerFirst > 0) {
      answerFirst--;
      return null;
    }
    if (refusals == 0) {
      return null;
    }
    refusals--;
    refused++;
    return refusal;
  }

  private synchronized ObjectNode answer(JsonNode request) {
    String text = request.toString();
    ScriptPosition at = scriptFor(request);
    ModelTurn turn = ModelTurn.endTurn("Nothing scripted for this request.");
    if (at != null) {
      if (at.assistantTurns() == 0) {
        conversations.merge(at.script(), 1, Integer::sum);
      }
      List<List<ModelTurn>> script = scripts.get(at.script());
      List<ModelTurn> conversation =
          script.get(Math.min(conversations.getOrDefault(at.script(), 1), script.size()) - 1);
      if (at.assistantTurns() < conversation.size()) {
        turn = conversation.get(at.assistantTurns());
      }
    }
    Matcher workdir = WORKDIR.matcher(text);
    String dir = workdir.find() ? workdir.group(1).replace("\\n", "") : "";
    billedInput += INPUT_TOKENS_PER_ANSWER;
    billedOutput += OUTPUT_TOKENS_PER_ANSWER;
    ObjectNode message = JSON.createObjectNode();
    message.put("id", "msg_" + (++ids));
    message.put("type", "message");
    message.put("role", "assistant");
    message.put("model", request.path("model").asText());
    var content = message.putArray("content");
    for (Map<String, Object> block : turn.content()) {
      ObjectNode b = JSON.valueToTree(block);
      if (b.has("input") && b.get("input").has("file_path")) {
        String path = b.get("input").get("file_path").asText();
        ((ObjectNode) b.get("input"))
            .put("file_path", path.startsWith("/") ? path : dir + "/" + path);
      }
      if ("tool_use".equals(b.path("type").asText())) {
        b.put("id", "toolu_" + ids + "_" + content.size());
      }
      content.add(b);
    }
    message.put("stop_reason", turn.usesTools() ? "tool_use" : "end_turn");
    message.putNull("stop_sequence");
    ObjectNode usage = message.putObject("usage");
    usage.put("input_tokens", INPUT_TOKENS_PER_ANSWER);
    usage.put("output_tokens", OUTPUT_TOKENS_PER_ANSWER);
    return message;
  }

  /**
   * The script the request follows and how far in it is, or null when none is meant for it. A
   * task's conversation is named in its first message; a cued one by the person's latest message
   * that holds a cue (and answers no tool call), so a conversation resumed with a new message
   * follows the new message's script.
   */
  private ScriptPosition scriptFor(JsonNode request) {
    JsonNode messages = request.path("messages");
    Matcher task = TASK.matcher(firstUserText(request));
    if (task.find() && scripts.containsKey(task.group(1))) {
      int assistantTurns = 0;
      for (JsonNode m : messages) {
        assistantTurns += "assistant".equals(m.path("role").asText()) ? 1 : 0;
      }
      return new ScriptPosition(task.group(1), assistantTurns);
    }
    int assistantTurns = 0;
    for (int i = messages.size() - 1; i >= 0; i--) {
      JsonNode m = messages.get(i);
      String said = m.path("content").toString();
      if ("assistant".equals(m.path("role").asText())) {
        assistantTurns++;
      } else if ("user".equals(m.path("role").asText()) && !said.contains("\"tool_result\"")) {
        // Claude Code sends context of its own as user messages too: passed over, cue or not.
        for (String cue : cues) {
          if (said.contains(cue)) {
            return new ScriptPosition(CUE_PREFIX + cue, assistantTurns);
          }
        }
      }
    }
    return null;
  }

  private static String firstUserText(JsonNode request) {
    for (JsonNode m : request.path("messages")) {
      if ("user".equals(m.path("role").asText())) {
        return m.path("content").toString();
      }
    }
    return "";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
