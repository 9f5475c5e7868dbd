package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.braid.starter.testsupport.BraidLauncher;
import dev.braid.starter.testsupport.Git;
import dev.braid.starter.testsupport.ScriptedAgent;
import dev.braid.starter.testsupport.TestRepos;
import dev.braid.testsupport.github.FakeGitHub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code braid webhook} on the real dev server: tasks watch their pull requests with a first wait
 * of ten minutes, so only GitHub's deliveries (posted as GitHub posts them, signed with the
 * webhook's secret, after the test merges through the stand-in) can make the run end within the
 * test's minute and a half. A delivery with a wrong signature is refused and moves nothing.
 */
@Tag("e2e")
class WebhookIT extends EndToEndTest {
  private static final String TOKEN = "hook-token";
  private static final String SECRET = "hook-secret";
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  @Test
  void deliveriesEndTheWaitsOfTheTasksTheyName() throws Exception {
    try (FakeGitHub github = new FakeGitHub(TOKEN, "octo", "app")) {
      Path origin = TestRepos.bareOrigin(tmp);
      repo = TestRepos.init(tmp.resolve("repo"), "hook");
      Files.writeString(
          repo.resolve("braid.yaml"),
          """
          agent:
            tiers:
              - {name: fast, command: ["%s"], attempts: 1, timeout: 2m}
          merge: {mode: pr, repository: octo/app}
          github: {watch: true, poll: 10m}
          """
              .formatted(ScriptedAgent.COMMAND));
      Path tasks = Files.createDirectories(repo.resolve(".parallel/plans/tasks"));
      Files.writeString(
          repo.resolve(".parallel/plans/plan.yaml"),
          """
          metadata: {name: hook}
          tasks:
            - {id: schema, name: Write the schema, file: tasks/schema.md}
            - {id: api, name: Serve the schema, file: tasks/api.md, dependencies: [schema]}
          """);
      for (String id : List.of("schema", "api")) {
        ScriptedAgent.writeTask(
            tasks,
            id,
            "Task " + id,
            "{\"files\": {\"out/%s.txt\": \"work of %s\\n\"}}".formatted(id, id));
      }
      TestRepos.commitAll(repo, "a plan");
      TestRepos.pushToOrigin(repo, origin);
      github.branchesOf(origin);
      Map<String, String> env = Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", github.apiUrl());

      Process execute =
          BraidLauncher.command(
                  repo,
                  env,
                  tmp.resolve("execute.out"),
                  tmp.resolve("execute.err"),
                  "execute",
                  "--json")
              .start();
      // The receiver comes once the run's server is up: execute starts it for the repository.
      int schema = github.awaitPull("feature/schema", WAIT);
      Path hookOut = tmp.resolve("webhook.out");
      Process webhook =
          BraidLauncher.command(
                  repo,
                  Map.of("BRAID_WEBHOOK_SECRET", SECRET),
                  hookOut,
                  tmp.resolve("webhook.err"),
                  "webhook",
                  "--listen",
                  "127.0.0.1:0")
              .start();
      try {
        URI hook = URI.create(awaitListening(hookOut, webhook) + "/");
        int api = github.awaitPull("feature/api", WAIT);
        assertEquals("feature/schema", github.pull(api).at("/base/ref").asText(), "stacked");

        github.merge(schema);
        byte[] closed = closedEvent(github.pull(schema));
        assertEquals(401, post(hook, closed, "sha256=" + "0".repeat(64)), "a forged delivery");
        Thread.sleep(2_000);
        assertEquals("feature/schema", github.pull(api).at("/base/ref").asText(), "nothing moved");

        assertEquals(202, post(hook, closed, sign(closed)));
        // schema's task hears it and completes; api, of the same run, hears it too and moves.
        github.awaitPull(api, pr -> pr.at("/base/ref").asText().equals("main"), "onto main", WAIT);

        github.merge(api);
        assertEquals(
            202, post(hook, closedEvent(github.pull(api)), sign(closedEvent(github.pull(api)))));
        assertTrue(execute.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "execute did not end");
        String stdout = Files.readString(tmp.resolve("execute.out"), StandardCharsets.UTF_8);
        assertEquals(0, execute.exitValue(), stdout);
        JsonNode run = JSON.readTree(stdout);
        assertEquals("done", run.get("status").asText(), stdout);
        for (String id : List.of("schema", "api")) {
          assertEquals("work of " + id, Git.run(origin, "show", "main:out/" + id + ".txt"));
        }
        assertEquals(List.of(), github.unexpected(), "requests the stand-in does not serve");
      } finally {
        for (Process p : List.of(execute, webhook)) {
          if (p.isAlive()) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
          }
        }
      }
    }
  }

  private static String awaitListening(Path out, Process webhook) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      String text = Files.exists(out) ? Files.readString(out) : "";
      Matcher m = LISTENING.matcher(text);
      if (m.find()) {
        return m.group(1);
      }
      assertTrue(webhook.isAlive(), "braid webhook exited: " + text);
      Thread.sleep(200);
    }
    throw new AssertionError("braid webhook did not say where it listens");
  }

  /** A {@code pull_request} delivery as GitHub sends it when a pull request is merged. */
  private static byte[] closedEvent(ObjectNode pullRequest) throws Exception {
    ObjectNode event = JSON.createObjectNode();
    event.put("action", "closed");
    event.put("number", pullRequest.get("number").asInt());
    event.set("pull_request", pullRequest);
    event.putObject("repository").put("full_name", "octo/app");
    return JSON.writeValueAsBytes(event);
  }

  private static String sign(byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  private static int post(URI hook, byte[] body, String signature) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(hook.resolve("github"))
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", "pull_request")
            .header("X-GitHub-Delivery", java.util.UUID.randomUUID().toString())
            .header("X-Hub-Signature-256", signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }
}
