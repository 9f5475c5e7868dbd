package dev.braid.starter.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.Usage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesBraidsMetricsInPrometheusFormatOnLoopback() throws Exception {
    try (MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0)) {
      BraidMetrics metrics = new BraidMetrics(endpoint.registry());
      metrics.agentUsed("fast", new Usage(0.25, 1200L, 340L, 3, "s"));
      metrics.agentUsed("fast", new Usage(null, 100L, null, null, null));

      assertTrue(endpoint.url().startsWith("http://127.0.0.1:"), endpoint.url());
      HttpResponse<String> scrape =
          http.send(
              HttpRequest.newBuilder(URI.create(endpoint.url())).build(),
              HttpResponse.BodyHandlers.ofString());

      assertEquals(200, scrape.statusCode());
      String body = scrape.body();
      assertTrue(body.contains("braid_agent_cost_usd_total{tier=\"fast\"} 0.25"), body);
      assertTrue(
          body.contains("braid_agent_tokens_total{kind=\"input\",tier=\"fast\"} 1300.0"), body);
      assertTrue(
          body.contains("braid_agent_tokens_total{kind=\"output\",tier=\"fast\"} 340.0"), body);
      assertTrue(
          body.contains("braid_agent_runs_total{cost_reported=\"false\",tier=\"fast\"} 1.0"), body);
    }
  }

  @Test
  void refusesAnythingButGet() throws Exception {
    try (MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0)) {
      HttpResponse<String> post =
          http.send(
              HttpRequest.newBuilder(URI.create(endpoint.url()))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(405, post.statusCode());
    }
  }
}
