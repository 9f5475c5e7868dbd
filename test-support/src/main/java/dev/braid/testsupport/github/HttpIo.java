package dev.braid.testsupport.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading requests and writing answers with the headers GitHub puts on every one. */
final class HttpIo {
  private HttpIo() {}

  static JsonNode readBody(InputStream in) throws IOException {
    byte[] bytes = in.readAllBytes();
    try {
      return bytes.length == 0 ? MissingNode.getInstance() : GitHubJson.MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      // braid sent a body that is not JSON: its bug, which must fail the test, not pass for a
      // client that went away.
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
    }
    return query;
  }

  static void send(HttpExchange exchange, Reply reply) throws IOException {
    Object body = reply.body();
    byte[] bytes =
        (body instanceof String s ? s : GitHubJson.MAPPER.writeValueAsString(body))
            .getBytes(StandardCharsets.UTF_8);
    var out = exchange.getResponseHeaders();
    out.set("Content-Type", "application/json; charset=utf-8");
    out.set("X-GitHub-Media-Type", "github.v3; format=json");
    out.set("X-GitHub-Api-Version-Selected", "2022-11-28");
    out.set("X-RateLimit-Limit", "5000");
    out.set("X-RateLimit-Remaining", "4999");
    out.set("X-RateLimit-Reset", "4102444800");
    out.set("X-RateLimit-Used", "1");
    out.set("X-RateLimit-Resource", "core");
    reply.headers().forEach(out::set);
    // A 204 has no body; sending a length for it makes the JDK server complain.
    exchange.sendResponseHeaders(reply.status(), reply.status() == 204 ? -1 : bytes.length);
    if (reply.status() != 204) {
      exchange.getResponseBody().write(bytes);
    }
  }
}
