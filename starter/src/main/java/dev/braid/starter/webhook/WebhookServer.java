package dev.braid.starter.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives GitHub's webhook deliveries on {@code POST /github}: checks the signature, then tells
 * the task workflows the event concerns to look at their pull requests now. It answers as GitHub
 * expects of a receiver: quickly, 2xx for what it took, 401 for a bad signature (GitHub shows it
 * under the webhook's "Recent deliveries").
 */
public final class WebhookServer implements AutoCloseable {
  /** The path GitHub posts to. */
  public static final String PATH = "/github";

  /** GitHub caps a delivery's payload at 25 MB; anything larger is not from GitHub. */
  static final int MAX_BODY = 25 * 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);
  private final WebhookSignature signature;
  private final ToIntFunction<WebhookEvent> pokes;

  private WebhookServer(HttpServer server, String secret, ToIntFunction<WebhookEvent> pokes) {
    this.server = server;
    this.signature = new WebhookSignature(secret);
    this.pokes = pokes;
  }

  /** Listens on the address, telling the tasks through {@code pokes}. */
  public static WebhookServer start(
      InetSocketAddress address, String secret, ToIntFunction<WebhookEvent> pokes)
      throws IOException {
    HttpServer http = HttpServer.create(address, 0);
    WebhookServer receiver = new WebhookServer(http, secret, pokes);
    http.createContext(PATH, receiver::handle);
    http.setExecutor(receiver.threads);
    http.start();
    return receiver;
  }

  /** Listens on the address and tells the task workflows of this Temporal client. */
  public static WebhookServer start(
      InetSocketAddress address, String secret, io.temporal.client.WorkflowClient client)
      throws IOException {
    return start(address, secret, new TaskPokes(client)::poke);
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      if (!exchange.getRequestMethod().equals("POST")) {
        reply(exchange, 405, "POST only");
        return;
      }
      byte[] body = read(exchange.getRequestBody());
      if (body == null) {
        reply(exchange, 413, "payload larger than GitHub sends");
        return;
      }
      if (!signature.matches(
          body, exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER))) {
        log.warn("Refused a webhook delivery with a missing or wrong signature");
        reply(exchange, 401, "bad signature");
        return;
      }
      String kind = String.valueOf(exchange.getRequestHeaders().getFirst("X-GitHub-Event"));
      if (!WebhookEvent.KINDS.contains(kind)) {
        reply(exchange, 202, "ignored: " + kind);
        return;
      }
      JsonNode payload;
      try {
        payload = JSON.readTree(body);
      } catch (IOException e) {
        reply(exchange, 400, "not JSON");
        return;
      }
      int told = pokes.applyAsInt(WebhookEvent.of(kind, payload));
      log.info("GitHub {}: told {} waiting task(s)", kind, told);
      reply(exchange, 202, "told " + told + " task(s)");
    } catch (RuntimeException e) {
      // Temporal unreachable, say: GitHub retries nothing, but shows the 500 to whoever looks.
      log.warn("A webhook delivery could not be passed on: {}", e.getMessage());
      reply(exchange, 500, "could not reach the tasks");
    } finally {
      exchange.close();
    }
  }

  private static byte[] read(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY + 1);
    return body.length > MAX_BODY ? null : body;
  }

  private static void reply(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
