package dev.braid.starter.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The receiver's side of GitHub's webhook contract, with the tasks' side recorded. */
class WebhookServerTest {
  private static final String SECRET = "It's a Secret to Everybody";

  private final List<WebhookEvent> told = new CopyOnWriteArrayList<>();
  private WebhookServer server;

  @BeforeEach
  void start() throws Exception {
    server =
        WebhookServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            SECRET,
            event -> {
              told.add(event);
              return event.branches().size();
            });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String event, String body, String signature) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.address().getPort() + WebhookServer.PATH))
            .header("X-GitHub-Event", event)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header(WebhookSignature.HEADER, signature);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String signed(String body) {
    return new WebhookSignature(SECRET).sign(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theSignatureIsGitHubsDocumentedExample() {
    // GitHub's docs ("Validating webhook deliveries") give this secret, payload and signature.
    assertEquals(
        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
        new WebhookSignature(SECRET).sign("Hello, World!".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aMergedPullRequestTellsItsBranchAndThatItEnded() throws Exception {
    String body =
        "{\"action\":\"closed\",\"pull_request\":{\"number\":4,\"merged\":true,"
            + "\"head\":{\"ref\":\"feature/schema\"},\"base\":{\"ref\":\"main\"}}}";

    HttpResponse<String> answer = post("pull_request", body, signed(body));

    assertEquals(202, answer.statusCode(), answer.body());
    assertEquals(List.of(new WebhookEvent(List.of("feature/schema"), true)), told);
  }

  @Test
  void aCheckRunTellsTheBranchesOfItsSuiteAndPullRequests() throws Exception {
    String body =
        "{\"action\":\"completed\",\"check_run\":{\"check_suite\":{\"head_branch\":\"feature/a\"},"
            + "\"pull_requests\":[{\"head\":{\"ref\":\"feature/b\"}}]}}";

    assertEquals(202, post("check_run", body, signed(body)).statusCode());
    assertEquals(List.of(new WebhookEvent(List.of("feature/a", "feature/b"), false)), told);
  }

  @Test
  void aDeliveryWithoutTheSecretsSignatureIsRefusedAndTellsNobody() throws Exception {
    String body = "{\"action\":\"closed\",\"pull_request\":{\"head\":{\"ref\":\"feature/x\"}}}";

    assertEquals(401, post("pull_request", body, null).statusCode());
    assertEquals(401, post("pull_request", body, "sha256=" + "0".repeat(64)).statusCode());
    String other =
        new WebhookSignature("another secret").sign(body.getBytes(StandardCharsets.UTF_8));
    assertEquals(401, post("pull_request", body, other).statusCode());
    assertTrue(told.isEmpty(), told.toString());
  }

  @Test
  void otherEventsAreAcknowledgedAndIgnored() throws Exception {
    String body = "{\"zen\":\"Keep it logically awesome.\"}";

    HttpResponse<String> ping = post("ping", body, signed(body));

    assertEquals(202, ping.statusCode());
    assertTrue(ping.body().contains("ignored"), ping.body());
    assertTrue(told.isEmpty(), told.toString());
  }
}
