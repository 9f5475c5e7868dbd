package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.deploy.DevServer;
import dev.braid.deploy.DevServerInfo;
import dev.braid.deploy.TemporalCli;
import dev.braid.starter.testsupport.BraidLauncher;
import dev.braid.starter.testsupport.ScriptedAgent;
import dev.braid.starter.testsupport.TestRepos;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * braid on a Temporal service it did not start, named the way Temporal's own tools are: a real dev
 * server started by the test stands for the cluster, and its address is only in a profile file. A
 * worker is a {@code braid worker} process of its own, as on a cluster.
 */
@Tag("e2e")
class TemporalClusterIT extends EndToEndTest {
  /** A command that fails fast must not take the SDK's minute: JVM start and a probe at most. */
  private static final Duration FAST = Duration.ofSeconds(45);

  /**
   * A worker just stopped: JVM start and the bounded wait for an answer, never Temporal's minute.
   */
  private static final Duration WORKER_GONE = Duration.ofSeconds(60);

  private Path clusterState;
  private DevServerInfo cluster;
  private Map<String, String> profileEnv;
  private Process worker;

  @BeforeEach
  void startCluster() throws Exception {
    clusterState = tmp.resolve("cluster");
    cluster = new DevServer(TemporalCli.fromEnvironment()).ensureRunning(clusterState);
    Path profiles = tmp.resolve("temporal.toml");
    Files.writeString(
        profiles,
        "[profile.ci]\naddress = \"" + cluster.address() + "\"\nnamespace = \"default\"\n");
    profileEnv = Map.of("TEMPORAL_CONFIG_FILE", profiles.toString(), "TEMPORAL_PROFILE", "ci");
  }

  @AfterEach
  void stopCluster() throws Exception {
    stopWorker();
    new DevServer(TemporalCli.fromEnvironment()).stop(clusterState);
  }

  @Test
  void aProfileFileSelectsTheClusterAndStatusReadsABlockedRunWithNoWorker() throws Exception {
    repo = repoWithOneTask("{\"failTimes\": 9}");

    long before = System.nanoTime();
    BraidProcess.Result refused = BraidProcess.run(repo, profileEnv, "execute", "--detach");
    assertEquals(1, refused.exitCode(), refused.toString());
    // The repository has no origin: its identity, and so its queue, is its path.
    assertTrue(
        refused
            .err()
            .contains(
                "no braid worker is polling braid:"
                    + repo
                    + " (workflows) on "
                    + cluster.address()),
        refused.toString());
    assertTrue(refused.err().contains("start `braid worker`"), refused.toString());
    assertFast(before, refused);
    assertFalse(Files.exists(repo.resolve("worktrees")), "nothing started without a worker");

    startWorker();
    BraidProcess.Result blocked = BraidProcess.run(repo, profileEnv, "execute", "--json");
    assertEquals(3, blocked.exitCode(), "waits on a human\n" + blocked);
    String runId = JSON.readTree(blocked.out()).get("runId").asText();
    assertFalse(
        Files.exists(repo.resolve(".parallel/temporal/server.json")),
        "the profile named the cluster: no embedded server was started");
    stopWorker();

    BraidProcess.Result status = BraidProcess.run(repo, profileEnv, "status", "--json");
    assertEquals(3, status.exitCode(), status.toString());
    JsonNode task = JSON.readTree(status.out()).get("tasks").get(0);
    assertEquals("blocked", task.get("status").asText(), status.toString());
    assertEquals("agent-tiers-exhausted", task.get("blocker").get("kind").asText());

    BraidProcess.Result text = BraidProcess.run(repo, profileEnv, "status");
    assertTrue(text.out().contains("braid unblock " + runId + " only --retry"), text.toString());

    BraidProcess.Result list = BraidProcess.run(repo, profileEnv, "list", "--json");
    assertEquals(0, list.exitCode(), list.toString());
    JsonNode listed = JSON.readTree(list.out()).get("runs").get(0);
    assertEquals(runId, listed.get("runId").asText(), list.toString());
    assertEquals(repo.toString(), listed.get("repo").asText(), list.toString());
    // Another clone of the repository, at another path as on another host: its origin is this
    // repository, so its identity is the same, and list there shows the run.
    Path otherClone = tmp.resolve("other-host").resolve("clone");
    Files.createDirectories(otherClone.getParent());
    new dev.braid.activities.git.GitCli(otherClone.getParent())
        .run("clone", "-q", repo.toString(), otherClone.toString());
    BraidProcess.Result elsewhere = BraidProcess.run(otherClone, profileEnv, "list", "--json");
    assertEquals(0, elsewhere.exitCode(), elsewhere.toString());
    JsonNode runsElsewhere = JSON.readTree(elsewhere.out()).get("runs");
    assertEquals(1, runsElsewhere.size(), "the run, listed in the other clone: " + elsewhere);
    assertEquals(runId, runsElsewhere.get(0).get("runId").asText(), elsewhere.toString());

    before = System.nanoTime();
    BraidProcess.Result unblock =
        BraidProcess.run(repo, profileEnv, "unblock", runId, "only", "--skip");
    assertEquals(1, unblock.exitCode(), unblock.toString());
    // Temporal lists a stopped worker's pollers for about a minute: then the update's bounded wait
    // says no worker answered; after it, the poller check says none polls.
    assertTrue(
        unblock.err().contains("no braid worker is polling braid")
            || unblock.err().contains("no braid worker answered the decision"),
        unblock.toString());
    assertWithin(WORKER_GONE, before, unblock);
  }

  @Test
  void aWrongAddressAndAWrongNamespaceEachSaySoFast() throws Exception {
    repo = repoWithOneTask("{}");
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    long before = System.nanoTime();
    BraidProcess.Result address =
        BraidProcess.run(repo, profileEnv, "status", "--address", "127.0.0.1:" + closed);
    assertEquals(1, address.exitCode(), address.toString());
    assertTrue(
        address
            .err()
            .contains("cannot reach Temporal at 127.0.0.1:" + closed + " (address from --address)"),
        address.toString());
    assertFalse(address.err().contains("search attribute"), address.toString());
    assertFast(before, address);

    before = System.nanoTime();
    BraidProcess.Result namespace =
        BraidProcess.run(
            repo,
            Map.of("TEMPORAL_ADDRESS", cluster.address(), "TEMPORAL_NAMESPACE", "no-such-ns"),
            "execute",
            "--detach");
    assertEquals(1, namespace.exitCode(), namespace.toString());
    assertTrue(
        namespace
            .err()
            .contains(
                "namespace 'no-such-ns' (from TEMPORAL_NAMESPACE) does not exist on Temporal at "
                    + cluster.address()),
        namespace.toString());
    assertTrue(
        namespace.err().contains("temporal operator namespace create"), namespace.toString());
    assertFalse(namespace.err().contains("search attribute"), namespace.toString());
    assertFast(before, namespace);
  }

  private Path repoWithOneTask(String script) throws Exception {
    Path dir = TestRepos.init(tmp.resolve("repo"), "cluster");
    Files.writeString(
        dir.resolve("braid.yaml"),
        """
        agent:
          tiers:
            - {name: fast, command: [%s], attempts: 1, timeout: 2m}
        merge: {mode: none}
        """
            .formatted(ScriptedAgent.COMMAND));
    Path tasks = Files.createDirectories(dir.resolve(".parallel/plans/tasks"));
    Files.writeString(
        dir.resolve(".parallel/plans/plan.yaml"),
        "metadata: {name: on a cluster}\ntasks:\n  - {id: only, file: tasks/only.md}\n");
    ScriptedAgent.writeTask(tasks, "only", "Only", script);
    TestRepos.commitAll(dir, "a plan");
    return dir;
  }

  private void startWorker() throws Exception {
    Path out = tmp.resolve("worker.out");
    worker =
        BraidLauncher.command(repo, profileEnv, out, tmp.resolve("worker.err"), "worker").start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!Files.readString(out, StandardCharsets.UTF_8).contains("braid worker polling")) {
      assertTrue(
          worker.isAlive(), "the worker died: " + Files.readString(tmp.resolve("worker.err")));
      assertTrue(System.nanoTime() < deadline, "the worker did not start within 2 minutes");
      Thread.sleep(200);
    }
  }

  private void stopWorker() throws InterruptedException {
    if (worker != null) {
      worker.destroy();
      if (!worker.waitFor(30, TimeUnit.SECONDS)) {
        worker.destroyForcibly().waitFor();
      }
      worker = null;
    }
  }

  private static void assertFast(long startedNanos, BraidProcess.Result result) {
    assertWithin(FAST, startedNanos, result);
  }

  private static void assertWithin(Duration limit, long startedNanos, BraidProcess.Result result) {
    Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
    assertTrue(
        took.compareTo(limit) < 0,
        "took " + took.toSeconds() + " s, not under " + limit + ": " + result);
  }
}
