package dev.braid.testsupport.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in of the OpenAI Responses API ({@code POST /v1/responses}) that the real Codex
 * CLI talks to through a model provider in its {@code config.toml} ({@link #writeCodexConfig}).
 * Each task of a test has a script: one list of {@link CodexTurn}s per conversation (an attempt of
 * the agent), answered in order, each as one streamed response ({@link ResponseStream}) whose
 * {@code usage} is added to {@link #billedInputTokens} and {@link #billedOutputTokens}. A command
 * becomes a {@code function_call} of the shell tool the request offers. The next {@link #rateLimit}
 * requests are refused with 429 and {@code retry-after}. Every request is recorded.
 */
public final class FakeOpenAi implements AutoCloseable {
  /** What every answer bills: fixed, so a test can compute what the agent must report. */
  public static final long INPUT_TOKENS_PER_ANSWER = 1000;

  public static final long OUTPUT_TOKENS_PER_ANSWER = 100;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TASK = Pattern.compile("\\(task ([A-Za-z0-9._-]+)\\)");

  private final HttpServer server;
  private final Map<String, List<List<CodexTurn>>> scripts = new HashMap<>();
  private final Map<String, Integer> conversations = new HashMap<>();
  private final List<JsonNode> requests = new ArrayList<>();
  private int refusals;
  private long retryAfterSeconds;
  private int refused;
  private long billedInput;
  private long billedOutput;
  private int ids;

  public FakeOpenAi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/v1/responses", this::handle);
    server.start();
  }

  /** The provider's {@code base_url}: Codex appends {@code /responses}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /**
   * Writes {@code codexHome/config.toml} choosing a model provider that is this stand-in, so an
   * unchanged {@code codex exec} run with {@code CODEX_HOME=codexHome} talks to it. Codex 0.171
   * ignores {@code OPENAI_BASE_URL} for its built-in provider, so a provider is the way in. The key
   * is read from {@code OPENAI_API_KEY}, as for the real API.
   */
  public Path writeCodexConfig(Path codexHome) throws IOException {
    return writeCodexConfig(codexHome, null);
  }

  /**
   * As {@link #writeCodexConfig(Path)}, with Codex's own retries bounded: {@code
   * request_max_retries} and {@code stream_max_retries} of the provider, which 0.171.0 reads, so a
   * refusal reaches braid after {@code maxRetries} retries rather than Codex's default of several.
   *
   * @param maxRetries the bound, or null for Codex's defaults
   */
  public Path writeCodexConfig(Path codexHome, Integer maxRetries) throws IOException {
    Files.createDirectories(codexHome);
    String retries =
        maxRetries == null
            ? ""
            : "request_max_retries = %d\nstream_max_retries = %d\n"
                .formatted(maxRetries, maxRetries);
    return Files.writeString(
        codexHome.resolve("config.toml"),
        """
        model_provider = "braid-stand-in"

        [model_providers.braid-stand-in]
        name = "braid stand-in of the Responses API"
        base_url = "%s"
        env_key = "OPENAI_API_KEY"
        wire_api = "responses"
        """
                .formatted(baseUrl())
            + retries);
  }

  /** Scripts the task's next conversation (the next attempt of its agent). */
  public synchronized FakeOpenAi conversation(String taskId, CodexTurn... turns) {
    scripts.computeIfAbsent(taskId, k -> new ArrayList<>()).add(List.of(turns));
    return this;
  }

  /** Refuses the next {@code requests} requests with 429, saying to retry after this long. */
  public synchronized FakeOpenAi rateLimit(int requests, long retryAfterSeconds) {
    this.refusals = requests;
    this.retryAfterSeconds = retryAfterSeconds;
    return this;
  }

  /** Every request body received so far, refused or answered, oldest first. */
  public synchronized List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  /** How many requests were refused with 429. */
  public synchronized int refusedRequests() {
    return refused;
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
      Long retryAfter = refusal(request);
      if (retryAfter != null) {
        RateLimitRefusal.send(exchange, retryAfter, refusedRequests());
        return;
      }
      ObjectNode response = answer(request);
      if (response.has("error")) {
        send(exchange, 400, response);
      } else if (request.path("stream").asBoolean(false)) {
        exchange.getResponseHeaders().set("content-type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        new ResponseStream(exchange.getResponseBody()).write(response);
      } else {
        send(exchange, 200, response);
      }
    }
  }

  /** Records the request; the seconds to tell it to wait when it is to be refused, else null. */
  private synchronized Long refusal(JsonNode request) {
    requests.add(request);
    if (refusals == 0) {
      return null;
    }
    refusals--;
    refused++;
    return retryAfterSeconds;
  }

  private synchronized ObjectNode answer(JsonNode request) {
    ids++;
    CodexTurn turn = CodexTurn.say("Nothing scripted for this request.");
    Matcher task = TASK.matcher(userText(request));
    if (task.find() && scripts.containsKey(task.group(1))) {
      String id = task.group(1);
      int answered = answersSoFar(request);
      if (answered == 0) {
        conversations.merge(id, 1, Integer::sum);
      }
      List<List<CodexTurn>> script = scripts.get(id);
      List<CodexTurn> conversation =
          script.get(Math.min(conversations.getOrDefault(id, 1), script.size()) - 1);
      if (answered < conversation.size()) {
        turn = conversation.get(answered);
      }
    }
    ObjectNode item = turn.isCommand() ? call(request, turn.command()) : message(turn.text());
    if (item.has("error")) {
      return item;
    }
    billedInput += INPUT_TOKENS_PER_ANSWER;
    billedOutput += OUTPUT_TOKENS_PER_ANSWER;
    ObjectNode response = JSON.createObjectNode();
    response.put("id", "resp_" + ids).put("object", "response").put("created_at", 0);
    response.put("status", "completed").put("model", request.path("model").asText());
    response.putArray("output").add(item);
    ObjectNode usage = response.putObject("usage");
    usage.put("input_tokens", INPUT_TOKENS_PER_ANSWER);
    usage.putObject("input_tokens_details").put("cached_tokens", 0);
    usage.put("output_tokens", OUTPUT_TOKENS_PER_ANSWER);
    usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
    usage.put("total_tokens", INPUT_TOKENS_PER_ANSWER + OUTPUT_TOKENS_PER_ANSWER);
    return response;
  }

  /** The answers this conversation already had: Codex sends the whole history every time. */
  private static int answersSoFar(JsonNode request) {
    int n = 0;
    for (JsonNode item : request.path("input")) {
      String type = item.path("type").asText();
      boolean assistant = "message".equals(type) && "assistant".equals(item.path("role").asText());
      n += assistant || "function_call".equals(type) ? 1 : 0;
    }
    return n;
  }

  private static String userText(JsonNode request) {
    StringBuilder text = new StringBuilder();
    for (JsonNode item : request.path("input")) {
      if ("user".equals(item.path("role").asText())) {
        text.append(item.path("content"));
      }
    }
    return text.toString();
  }

  /**
   * A call of the shell tool the request offers: {@code exec_command} (Codex 0.171, a {@code cmd}
   * string) or {@code shell} (older releases, an argv). Anything else is answered with a 400 that
   * lists the tools offered, so a test fails saying why rather than hanging.
   */
  private ObjectNode call(JsonNode request, String command) {
    List<String> offered = new ArrayList<>();
    request.path("tools").forEach(t -> offered.add(t.path("name").asText()));
    ObjectNode arguments = JSON.createObjectNode();
    String tool;
    if (offered.contains("exec_command")) {
      tool = "exec_command";
      arguments.put("cmd", command);
    } else if (offered.contains("shell")) {
      tool = "shell";
      arguments.putArray("command").add("bash").add("-lc").add(command);
    } else {
      ObjectNode error = JSON.createObjectNode();
      error.putObject("error").put("message", "no shell tool among " + offered);
      return error;
    }
    ObjectNode item = JSON.createObjectNode().put("type", "function_call");
    item.put("id", "fc_" + ids).put("call_id", "call_" + ids).put("name", tool);
    return item.put("arguments", arguments.toString()).put("status", "completed");
  }

  private ObjectNode message(String text) {
    ObjectNode item = JSON.createObjectNode().put("type", "message").put("id", "msg_" + ids);
    item.put("role", "assistant").put("status", "completed");
    ObjectNode part = item.putArray("content").addObject().put("type", "output_text");
    part.put("text", text).putArray("annotations");
    return item;
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("content-type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
