package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.deploy.DevServer;
import dev.braid.deploy.DevServerInfo;
import dev.braid.deploy.TemporalCli;
import dev.braid.starter.testsupport.BraidLauncher;
import dev.braid.starter.testsupport.Git;
import dev.braid.starter.testsupport.ScriptedAgent;
import dev.braid.starter.testsupport.TestRepos;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code braid worker} as an operator runs it on a cluster (a dev server the test starts stands for
 * it): its metrics endpoint tells what the run did, and SIGTERM lets a running attempt finish.
 */
@Tag("e2e")
class WorkerObservabilityIT extends EndToEndTest {
  private static final Pattern METRICS_URL = Pattern.compile("serving metrics on (\\S+)");

  private Path clusterState;
  private Map<String, String> clusterEnv;
  private final List<Process> workers = new ArrayList<>();

  @BeforeEach
  void startCluster() {
    clusterState = tmp.resolve("cluster");
    DevServerInfo cluster =
        new DevServer(TemporalCli.fromEnvironment()).ensureRunning(clusterState);
    clusterEnv = Map.of("TEMPORAL_ADDRESS", cluster.address(), "BRAID_HOST", "obs-a");
  }

  @AfterEach
  void stopCluster() throws Exception {
    for (Process worker : workers) {
      if (worker.isAlive()) {
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly().waitFor();
      }
    }
    new DevServer(TemporalCli.fromEnvironment()).stop(clusterState);
  }

  @Test
  void theMetricsEndpointCountsWhatTheRunDidBesideTheSdksOwnMetrics() throws Exception {
    repo =
        repoWithOneTask(
            "{\"files\": {\"one.txt\": \"1\\n\"}, \"usage\": {\"total_cost_usd\": 0.0123,"
                + " \"input_tokens\": 1200, \"output_tokens\": 340}}");
    Path out = tmp.resolve("worker.out");
    startWorker("worker", out, "--metrics-port", "0", "--max-agents", "3");
    Matcher url = METRICS_URL.matcher(Files.readString(out));
    assertTrue(url.find(), Files.readString(out));
    assertTrue(
        url.group(1).startsWith("http://127.0.0.1:"), "loopback by default: " + url.group(1));

    BraidProcess.Result run = BraidProcess.run(repo, clusterEnv, "execute", "--json");
    assertEquals(0, run.exitCode(), run.toString());

    // The SDK hands its metrics to the registry every second: scrape until they are there.
    String metrics = scrapeUntil(url.group(1), body -> body.contains("activity_type=\"Attempt\""));
    String evidence = "\n--- /metrics\n" + metrics;
    assertTrue(
        metrics.lines().anyMatch(l -> l.startsWith("temporal_") && l.contains("Attempt")),
        "the SDK's own metrics" + evidence);
    assertTrue(
        metrics
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("temporal_worker_task_slots_available{")
                        // the repository's host queue, braid:<repository>@obs-a
                        && l.contains("task_queue=\"braid:")
                        && l.contains("@obs-a\",worker_type=\"ActivityWorker\"")
                        // The SDK sets the gauge as slots are taken and given back, so a scrape
                        // may see one still taken; what --max-agents sets is the bound, not 200.
                        && slots(l) <= 3.0),
        "--max-agents 3 bounds the host queue's activity slots" + evidence);
    assertTrue(
        metrics.contains("braid_attempts_total{outcome=\"passed\",tier=\"fast\"} 1.0"),
        "one attempt, on tier fast, passed" + evidence);
    assertFalse(metrics.contains("outcome=\"checks_failed\""), evidence);
    assertTrue(metrics.contains("braid_agent_cost_usd_total{tier=\"fast\"} 0.0123"), evidence);
    assertTrue(
        metrics.contains("braid_agent_tokens_total{kind=\"input\",tier=\"fast\"} 1200.0"),
        evidence);
    assertTrue(
        metrics.contains("braid_agent_tokens_total{kind=\"output\",tier=\"fast\"} 340.0"),
        evidence);
    assertTrue(
        metrics.contains("braid_task_status_transitions_total{status=\"in_progress\"} 1.0"),
        evidence);
    assertTrue(
        metrics.contains("braid_task_status_transitions_total{status=\"completed\"} 1.0"),
        evidence);
    assertTrue(
        metrics.contains("braid_merge_batch_size_sum{step=\"integrate\"} 1.0"),
        "the merge queue's one step got the one branch" + evidence);
    assertTrue(
        metrics.contains("braid_merge_steps_total{outcome=\"merged\",step=\"integrate\"} 1.0"),
        evidence);
    // The run's gauges, from its workflow: its one task completed, nothing waits to merge.
    assertTrue(
        metrics
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("braid_tasks{")
                        && l.contains("state=\"completed\"")
                        && l.endsWith(" 1.0")),
        "braid_tasks by state" + evidence);
    assertTrue(
        metrics
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("braid_tasks{")
                        && l.contains("state=\"running\"")
                        && l.endsWith(" 0.0")),
        "no task still running" + evidence);
    assertTrue(
        metrics.lines().anyMatch(l -> l.startsWith("braid_merge_queue_depth{")),
        "the merge queue's depth" + evidence);
  }

  @Test
  void onSigtermTheWorkerStopsTakingWorkAndLetsTheRunningAttemptFinish() throws Exception {
    Path gate = tmp.resolve("gate");
    repo =
        repoWithOneTask(
            "{\"gateFile\": \""
                + gate
                + "\", \"files\": {\"one.txt\": \"1\\n\"}, \"usage\": {\"total_cost_usd\": 0.01}}");
    Path firstErr = tmp.resolve("first.err");
    Process first = startWorker("first", tmp.resolve("first.out"), "--drain-seconds", "600");

    BraidProcess.Result started = BraidProcess.run(repo, clusterEnv, "execute", "--detach");
    assertEquals(0, started.exitCode(), started.toString());
    awaitFile(gate.resolveSibling("gate.waiting"), first);

    first.destroy(); // SIGTERM
    awaitText(firstErr, "no new work is taken; running activities have 600 s to finish", first);
    assertTrue(first.isAlive(), "the worker drains rather than exiting");
    Files.writeString(gate, "go\n");
    assertTrue(first.waitFor(5, TimeUnit.MINUTES), "the drained worker exits");
    String log = Files.readString(firstErr);
    assertTrue(log.contains("stopped: every running activity finished"), log);
    assertFalse(log.contains("interrupting"), log);

    // A worker of the same host carries the run on from the completed attempt.
    startWorker("second", tmp.resolve("second.out"));
    BraidProcess.Result done = BraidProcess.run(repo, clusterEnv, "execute", "--json");
    assertEquals(0, done.exitCode(), done + "\n--- first worker\n" + log);
    JsonNode task = JSON.readTree(done.out()).get("tasks").get(0);
    assertEquals("completed", task.get("status").asText(), done.toString());
    assertEquals(1, task.get("attempts").asInt(), "the drained attempt counted, not retried");
    assertEquals("1", Git.run(repo, "show", "main:one.txt"), "the attempt's work reached main");
  }

  @Test
  void pastTheDrainTheAttemptIsInterruptedItsAgentKilledAndAnotherWorkerRetriesIt()
      throws Exception {
    Path gate = tmp.resolve("gate");
    repo = repoWithOneTask("{\"gateFile\": \"" + gate + "\", \"files\": {\"one.txt\": \"1\\n\"}}");
    Path firstErr = tmp.resolve("first.err");
    Process first = startWorker("first", tmp.resolve("first.out"), "--drain-seconds", "1");

    BraidProcess.Result started = BraidProcess.run(repo, clusterEnv, "execute", "--detach");
    assertEquals(0, started.exitCode(), started.toString());
    Path waiting = gate.resolveSibling("gate.waiting");
    awaitFile(waiting, first);
    long agent = Long.parseLong(Files.readString(waiting).trim());

    first.destroy(); // SIGTERM; the agent never goes on by itself
    assertTrue(first.waitFor(5, TimeUnit.MINUTES), "the worker exits after its drain");
    String log = Files.readString(firstErr);
    assertTrue(log.contains("the drain of 1 s is over: interrupting"), log);
    assertFalse(
        ProcessHandle.of(agent).map(ProcessHandle::isAlive).orElse(false),
        "the interrupted attempt's agent was killed");

    Files.writeString(gate, "go\n");
    startWorker("second", tmp.resolve("second.out"));
    BraidProcess.Result done = BraidProcess.run(repo, clusterEnv, "execute", "--json");
    assertEquals(0, done.exitCode(), done + "\n--- first worker\n" + log);
    JsonNode task = JSON.readTree(done.out()).get("tasks").get(0);
    assertEquals("completed", task.get("status").asText(), done.toString());
    assertEquals(2, task.get("attempts").asInt(), "Temporal retried the interrupted attempt");
  }

  private Path repoWithOneTask(String script) throws Exception {
    Path dir = TestRepos.init(tmp.resolve("repo"), "observed");
    Files.writeString(
        dir.resolve("braid.yaml"),
        """
        agent:
          tiers:
            - {name: fast, command: [%s], attempts: 2, backoff: 1s, timeout: 10m}
        """
            .formatted(ScriptedAgent.COMMAND));
    Path tasks = Files.createDirectories(dir.resolve(".parallel/plans/tasks"));
    Files.writeString(
        dir.resolve(".parallel/plans/plan.yaml"),
        "metadata: {name: observed}\ntasks:\n  - {id: only, file: tasks/only.md}\n");
    ScriptedAgent.writeTask(tasks, "only", "Only", script);
    TestRepos.commitAll(dir, "a plan");
    return dir;
  }

  private Process startWorker(String name, Path out, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("worker"));
    args.addAll(List.of(options));
    Path err = tmp.resolve(name + ".err");
    Process worker =
        BraidLauncher.command(repo, clusterEnv, out, err, args.toArray(String[]::new)).start();
    workers.add(worker);
    awaitText(out, "braid worker polling", worker);
    return worker;
  }

  private String scrapeUntil(String url, Predicate<String> ready) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (true) {
      String body =
          http.send(
                  HttpRequest.newBuilder(URI.create(url)).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      if (ready.test(body) || System.nanoTime() > deadline) {
        return body;
      }
      Thread.sleep(500);
    }
  }

  private static void awaitFile(Path file, Process worker) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!Files.exists(file)) {
      assertTrue(worker.isAlive(), "the worker died before the agent started");
      assertTrue(System.nanoTime() < deadline, "the agent did not start within 3 minutes");
      Thread.sleep(200);
    }
  }

  private static void awaitText(Path file, String text, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!(Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).contains(text))) {
      assertTrue(process.isAlive(), "the process ended before saying: " + text);
      assertTrue(System.nanoTime() < deadline, "not said within 2 minutes: " + text);
      Thread.sleep(200);
    }
  }

  /** The value of one Prometheus sample line. */
  private static double slots(String line) {
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }
}
