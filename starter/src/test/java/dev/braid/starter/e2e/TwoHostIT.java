package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.deploy.DevServer;
import dev.braid.deploy.DevServerInfo;
import dev.braid.deploy.TemporalCli;
import dev.braid.starter.testsupport.BraidLauncher;
import dev.braid.starter.testsupport.ComposeFile;
import dev.braid.starter.testsupport.Git;
import dev.braid.starter.testsupport.ScriptedAgent;
import dev.braid.starter.testsupport.TestRepos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two hosts, each with its own clone of one repository at a different path, each in a mount
 * namespace of its own so that it cannot see the other's clone: they share only a bare origin and a
 * Temporal server (a dev server the test starts). A run started from host A's clone, with its plan
 * only in that clone's working tree, spreads over both, and survives losing host B for good.
 *
 * <p>Each worker runs one agent at a time ({@code --max-agents 1}), and every task but the last
 * waits at a gate the test opens: two agents waiting at once must then be on two hosts. Where each
 * one works is read from the agent process itself ({@code /proc/<pid>/cwd}), not from braid.
 *
 * <p>The two hosts are {@code deploy/compose/docker-compose.yml}'s two worker services, run as
 * processes: each worker's command and environment ({@code BRAID_HOST}, {@code BRAID_REPO}, {@code
 * TEMPORAL_ADDRESS}, {@code TEMPORAL_NAMESPACE}) are the file's, with this machine's paths for the
 * container's (the service's checkout volume becomes the host's folder) and the test's server for
 * the compose file's; the test adds only {@code --max-agents 1}.
 */
@Tag("e2e")
class TwoHostIT extends EndToEndTest {
  private static final long WAIT_SECONDS = 120;

  private Path clusterState;
  private Map<String, String> clusterEnv;
  private String address;
  private ComposeFile.Worker serviceA;
  private ComposeFile.Worker serviceB;
  private Path origin;
  private Path hostA;
  private Path hostB;
  private Path cloneA;
  private Path cloneB;
  private Path gates;
  private Path logs;
  private final List<Process> processes = new ArrayList<>();
  private final Map<Process, Path> outputs = new HashMap<>();
  private int started;

  @BeforeEach
  void twoHosts() throws Exception {
    assumeTrue(HostNamespace.available(), "this machine makes no mount namespaces (unshare -m)");
    clusterState = tmp.resolve("cluster");
    DevServerInfo cluster =
        new DevServer(TemporalCli.fromEnvironment()).ensureRunning(clusterState);
    address = cluster.address();
    List<ComposeFile.Worker> services = ComposeFile.read(ComposeFile.PATH).workers();
    assertEquals(2, services.size(), "the compose file's worker services: " + services);
    serviceA = services.get(0);
    serviceB = services.get(1);
    // braid execute runs where the plan is, on host A, with the same connection as the workers.
    clusterEnv =
        Map.of(
            "TEMPORAL_ADDRESS",
            address,
            "TEMPORAL_NAMESPACE",
            serviceA.environment().get("TEMPORAL_NAMESPACE"));
    logs = Files.createDirectories(tmp.resolve("logs"));
    gates = Files.createDirectories(tmp.resolve("gates"));
    origin = TestRepos.bareOrigin(tmp);
    // Each service's checkout volume is a folder of its own here; its clone is where BRAID_REPO,
    // translated, says.
    hostA = tmp.resolve("host-" + serviceA.environment().get("BRAID_HOST"));
    hostB = tmp.resolve("host-" + serviceB.environment().get("BRAID_HOST"));
    cloneA =
        TestRepos.init(Path.of(serviceA.environmentOn(hostA, address).get("BRAID_REPO")), "host-a");
    Files.writeString(
        cloneA.resolve("braid.yaml"),
        """
        agent:
          tiers:
            - {name: fast, command: [%s], attempts: 3, backoff: 1s, timeout: 5m}
        hostWait: 3s
        maxParallel: 4
        """
            .formatted(ScriptedAgent.COMMAND));
    Files.writeString(cloneA.resolve("README.md"), "two hosts\n");
    TestRepos.commitAll(cloneA, "braid on two hosts");
    TestRepos.pushToOrigin(cloneA, origin);
    cloneB = Path.of(serviceB.environmentOn(hostB, address).get("BRAID_REPO"));
    assertTrue(!cloneA.equals(cloneB) && !hostA.equals(hostB), cloneA + " and " + cloneB);
    Files.createDirectories(cloneB.getParent());
    Git.run(tmp, "clone", "--quiet", origin.toString(), cloneB.toString());
    Git.run(cloneB, "config", "user.name", "host-b");
    Git.run(cloneB, "config", "user.email", "host-b@braid.invalid");
  }

  @AfterEach
  void stopHosts() throws Exception {
    for (Process process : processes) {
      killTree(process);
    }
    if (clusterState != null) {
      new DevServer(TemporalCli.fromEnvironment()).stop(clusterState);
    }
  }

  @Test
  void aRunSpreadsOverBothHostsAndFinishesWhenOneIsLostForGood() throws Exception {
    // 1. Two tasks at once, necessarily one per host, and a third after both. B joins the run once
    // A's one agent is busy with the first: the second, prepared on A too, waits there for its host
    // wait, then is prepared again, on B.
    Process workerA = worker(serviceA, hostA, hostB);
    Path spread = plan(".parallel/plans", "spread", "left", "right", "top");
    Process run = execute(spread);
    String first = awaitAnyGate(run, "left", "right");
    Process workerB = worker(serviceB, hostB, hostA);
    String second = first.equals("left") ? "right" : "left";
    awaitGate(run, second);
    assertEquals(cloneA, cloneOf(first), first + " works in A's clone");
    assertEquals(cloneB, cloneOf(second), second + " works in B's clone");
    open("left", "right");
    assertCompleted(run, spread, "left", "right", "top");
    assertTrue(workerA.isAlive() && workerB.isAlive(), "both workers still run");

    // 2. The same way, B takes one of two tasks, then is lost for good, its agent in the middle of
    // that task; A finishes the run.
    stop(workerB);
    Path lost = plan(".parallel/lost", "lost", "one", "two", "last");
    run = execute(lost);
    first = awaitAnyGate(run, "one", "two");
    workerB = worker(serviceB, hostB, hostA);
    String onB = first.equals("one") ? "two" : "one";
    awaitGate(run, onB);
    assertEquals(cloneB, cloneOf(onB), onB + " works in B's clone");
    long agentOnB = gatePid(onB);
    killTree(workerB);
    await(
        run,
        "the end of B's agent",
        () -> !ProcessHandle.of(agentOnB).map(ProcessHandle::isAlive).orElse(false));
    open("one", "two");
    assertCompleted(run, lost, "one", "two", "last");
    assertTrue(attemptLogs(cloneA, onB) > 0, onB + " was done again on A, its log in A's clone");
  }

  /**
   * A plan in A's working tree only: its tasks but the last wait at a gate and write a file each;
   * the last depends on them all.
   */
  private Path plan(String dir, String name, String... ids) throws Exception {
    Path planDir = cloneA.resolve(dir);
    Path tasks = Files.createDirectories(planDir.resolve("tasks"));
    StringBuilder yaml = new StringBuilder("metadata: {name: " + name + "}\ntasks:\n");
    List<String> before = List.of(ids).subList(0, ids.length - 1);
    for (String id : ids) {
      boolean last = !before.contains(id);
      yaml.append(
          "  - {id: %s, file: tasks/%s.md%s}\n"
              .formatted(
                  id, id, last ? ", dependencies: [" + String.join(", ", before) + "]" : ""));
      String files = "\"files\": {\"" + id + ".txt\": \"" + id + "\\n\"}";
      ScriptedAgent.writeTask(
          tasks,
          id,
          "Task " + id,
          last
              ? "{" + files + "}"
              : "{\"gateFile\": \"" + gates.resolve(id) + "\", " + files + "}");
    }
    Files.writeString(planDir.resolve("plan.yaml"), yaml.toString());
    return planDir;
  }

  /**
   * The compose file's worker {@code service} as a process, in its own namespace, where {@code
   * hidden} is empty: its command, with one agent at a time, and its environment with {@code root}
   * for its checkout volume's mount and the test's server for its address. It starts in {@code
   * root}, which is no checkout: only BRAID_REPO names the one it serves, as in the container.
   */
  private Process worker(ComposeFile.Worker service, Path root, Path hidden) throws Exception {
    String name = service.environment().get("BRAID_HOST") + "-" + ++started;
    Path out = logs.resolve(name + ".out");
    List<String> command = new ArrayList<>(service.command());
    command.addAll(List.of("--max-agents", "1"));
    ProcessBuilder builder =
        BraidLauncher.command(
            root,
            service.environmentOn(root, address),
            out,
            logs.resolve(name + ".err"),
            command.toArray(String[]::new));
    HostNamespace.wrap(builder.command(), hidden);
    Process worker = builder.start();
    processes.add(worker);
    await(worker, "worker " + name + " polling", () -> read(out).contains("braid worker polling"));
    return worker;
  }

  /**
   * {@code braid execute --json} of the plan, on host A (its queue is where the task files'
   * statuses are written), running on the two workers.
   */
  private Process execute(Path planDir) throws Exception {
    String name = "execute-" + ++started;
    Path out = logs.resolve(name + ".out");
    Map<String, String> env = new HashMap<>(clusterEnv);
    env.put("BRAID_HOST", serviceA.environment().get("BRAID_HOST"));
    ProcessBuilder builder =
        BraidLauncher.command(
            cloneA,
            env,
            out,
            logs.resolve(name + ".err"),
            "execute",
            "--json",
            "--plan",
            planDir.toString());
    HostNamespace.wrap(builder.command(), hostB);
    Process run = builder.start();
    processes.add(run);
    outputs.put(run, out);
    return run;
  }

  /** Waits until one of the tasks' agents waits at its gate; returns that task. */
  private String awaitAnyGate(Process run, String... ids) throws Exception {
    String[] waiting = new String[1];
    await(
        run,
        "an agent at the gate of one of " + List.of(ids),
        () -> {
          for (String id : ids) {
            if (hasPid(id)) {
              waiting[0] = id;
              return true;
            }
          }
          return false;
        });
    return waiting[0];
  }

  private void awaitGate(Process run, String id) throws Exception {
    await(run, "the agent of " + id + " at its gate", () -> hasPid(id));
  }

  private boolean hasPid(String id) throws Exception {
    Path waiting = gates.resolve(id + ".waiting");
    return Files.exists(waiting) && !Files.readString(waiting).isBlank();
  }

  private long gatePid(String id) throws Exception {
    return Long.parseLong(Files.readString(gates.resolve(id + ".waiting")).trim());
  }

  /**
   * The clone whose worktree the task's agent works in, read from the agent process itself: the
   * clone of the host that runs it.
   */
  private Path cloneOf(String id) {
    try {
      Path cwd = Files.readSymbolicLink(Path.of("/proc", String.valueOf(gatePid(id)), "cwd"));
      return Stream.of(cloneA, cloneB).filter(cwd::startsWith).findFirst().orElse(cwd);
    } catch (Exception e) {
      throw new AssertionError("cannot tell where the agent of " + id + " works", e);
    }
  }

  private void open(String... ids) throws Exception {
    for (String id : ids) {
      Files.writeString(gates.resolve(id), "go\n");
    }
  }

  /**
   * The run ends done, every task completed, origin's main holds every task's file, and the task
   * files in A's clone, where the run started, say completed, whichever host ran them: the status
   * writes go to A's queue of file operations, which A's one agent slot does not bound.
   */
  private void assertCompleted(Process run, Path planDir, String... ids) throws Exception {
    assertTrue(run.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "the run did not end" + evidence());
    String out = read(outputs.get(run));
    assertEquals(0, run.exitValue(), out + evidence());
    JsonNode tasks = JSON.readTree(out).get("tasks");
    assertEquals(ids.length, tasks.size(), out);
    for (JsonNode task : tasks) {
      assertEquals("completed", task.get("status").asText(), out);
    }
    String main = Git.run(origin, "ls-tree", "--name-only", "main");
    for (String id : ids) {
      assertTrue(
          main.lines().anyMatch((id + ".txt")::equals),
          id + ".txt is not on origin's main: " + main + "\n" + out + evidence());
      assertEquals(id, Git.run(origin, "show", "main:" + id + ".txt"));
      String file = Files.readString(planDir.resolve("tasks/" + id + ".md"));
      assertTrue(
          file.contains("status: completed"), id + "'s task file in A: " + file + evidence());
    }
  }

  private long attemptLogs(Path clone, String id) throws Exception {
    try (Stream<Path> files = Files.walk(clone.resolve(".parallel/logs"))) {
      return files.filter(f -> f.getParent().getFileName().toString().equals(id)).count();
    }
  }

  private void await(Process process, String what, Check check) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!check.holds()) {
      assertTrue(process.isAlive(), "it ended before " + what + evidence());
      assertTrue(System.nanoTime() < deadline, "no " + what + " in time" + evidence());
      Thread.sleep(200);
    }
  }

  /** Ends the worker as an operator would, letting it finish what it runs (nothing, here). */
  private static void stop(Process worker) throws InterruptedException {
    worker.destroy();
    if (!worker.waitFor(60, TimeUnit.SECONDS)) {
      killTree(worker);
    }
  }

  /** kill -9 of the process and every process under it, agents included. */
  private static void killTree(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly().waitFor();
  }

  /** What every process wrote, for a failure's message. */
  private String evidence() throws Exception {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.sorted().toList()) {
        String content = read(file);
        text.append("\n--- ").append(file.getFileName()).append('\n');
        text.append(content.length() > 6000 ? content.substring(content.length() - 6000) : content);
      }
    }
    return text.toString();
  }

  private static String read(Path file) throws Exception {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  @FunctionalInterface
  private interface Check {
    boolean holds() throws Exception;
  }
}
