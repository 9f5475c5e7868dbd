package dev.braid.testsupport.anthropic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;

/**
 * A refusal of the Messages API as Anthropic documents it: 429 {@code rate_limit_error} with {@code
 * retry-after} (seconds) and the {@code anthropic-ratelimit-*} headers (limit, remaining, reset as
 * RFC 3339) of the limit that was hit, or 529 {@code overloaded_error} when the API as a whole is
 * overloaded, which names no limit of the caller's.
 *
 * @param status 429 or 529
 * @param retryAfterSeconds what {@code retry-after} says
 */
public record Refusal(int status, long retryAfterSeconds) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public Refusal {
    if (status != 429 && status != 529) {
      throw new IllegalArgumentException("a refusal is a 429 or a 529, not " + status);
    }
  }

  void send(HttpExchange exchange) throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("content-type", "application/json");
    headers.set("retry-after", Long.toString(retryAfterSeconds));
    String type = status == 429 ? "rate_limit_error" : "overloaded_error";
    String message = status == 429 ? "This request would exceed your rate limit." : "Overloaded";
    if (status == 429) {
      String reset = Instant.now().plusSeconds(retryAfterSeconds).toString();
      // The requests limit is the one hit; the token limits are reported with room left.
      headers.set("anthropic-ratelimit-requests-limit", "50");
      headers.set("anthropic-ratelimit-requests-remaining", "0");
      headers.set("anthropic-ratelimit-requests-reset", reset);
      for (String limit : new String[] {"tokens", "input-tokens", "output-tokens"}) {
        headers.set("anthropic-ratelimit-" + limit + "-limit", "40000");
        headers.set("anthropic-ratelimit-" + limit + "-remaining", "40000");
        headers.set("anthropic-ratelimit-" + limit + "-reset", reset);
      }
    }
    ObjectNode body = JSON.createObjectNode().put("type", "error");
    body.putObject("error").put("type", type).put("message", message);
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
