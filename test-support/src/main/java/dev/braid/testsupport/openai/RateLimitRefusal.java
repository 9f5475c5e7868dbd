package dev.braid.testsupport.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * A 429 as the OpenAI API sends it for a rate limit: {@code retry-after}, the request id, the
 * {@code x-ratelimit-*} headers of both limits (the requests limit is the one hit), and an error of
 * type {@code requests} with code {@code rate_limit_exceeded} whose message names the limit. Codex
 * retries it (it is no {@code usage_limit_reached}, which it would not), then gives up with {@code
 * exceeded retry limit, last status: 429 Too Many Requests, request id: <x-request-id>}.
 */
final class RateLimitRefusal {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RateLimitRefusal() {}

  /**
   * @param retryAfter the seconds {@code retry-after} and the message say to wait
   * @param refused how many requests were refused before, which makes the request id
   */
  static void send(HttpExchange exchange, long retryAfter, int refused) throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("content-type", "application/json");
    headers.set("retry-after", Long.toString(retryAfter));
    headers.set("x-request-id", "req_" + Long.toHexString(0x5eed0000L + refused));
    headers.set("x-ratelimit-limit-requests", "60");
    headers.set("x-ratelimit-remaining-requests", "0");
    headers.set("x-ratelimit-reset-requests", retryAfter + "s");
    headers.set("x-ratelimit-limit-tokens", "150000");
    headers.set("x-ratelimit-remaining-tokens", "149000");
    headers.set("x-ratelimit-reset-tokens", "0s");
    ObjectNode error = JSON.createObjectNode();
    error
        .putObject("error")
        .put(
            "message",
            "Rate limit reached for gpt-5 in organization org-braidstandin on requests per min"
                + " (RPM): Limit 60, Used 60, Requested 1. Please try again in "
                + retryAfter
                + "s. Visit https://platform.openai.com/account/rate-limits to learn more.")
        .put("type", "requests")
        .putNull("param")
        .put("code", "rate_limit_exceeded");
    byte[] bytes = JSON.writeValueAsBytes(error);
    exchange.sendResponseHeaders(429, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
