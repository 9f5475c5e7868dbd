package dev.braid.starter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.braid.deploy.DevServer;
import dev.braid.starter.temporal.StarterSearchAttributes;
import dev.braid.starter.testsupport.BraidLauncher;
import dev.braid.starter.testsupport.ComposeFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The files in {@code deploy/} that no test here can run (no container engine, no systemd) agree
 * with what braid is and with what TwoHostIT runs: the compose file's two workers with their own
 * checkouts, the image's entry point, the stop timeouts against the worker's drain, the search
 * attributes, and every {@code BRAID_*} variable they set.
 */
class DeployFilesTest {
  private static final Path HOME = BraidLauncher.HOME;
  private static final Path DOCKERFILE = HOME.resolve(ComposeFile.WORKER_DOCKERFILE);
  private static final Path UNIT = HOME.resolve("deploy/systemd/braid-worker.service");
  private static final Path WORKER_ENV = HOME.resolve("deploy/systemd/worker.env");
  private static final Path WEBHOOK_UNIT = HOME.resolve("deploy/systemd/braid-webhook.service");
  private static final Path WEBHOOK_ENV = HOME.resolve("deploy/systemd/webhook.env");
  private static final Pattern BRAID_VARIABLE = Pattern.compile("\\bBRAID_[A-Z0-9_]+");

  private final ComposeFile compose = read();

  private static ComposeFile read() {
    try {
      return ComposeFile.read(ComposeFile.PATH);
    } catch (Exception e) {
      throw new AssertionError("the compose file does not parse", e);
    }
  }

  @Test
  void composeRunsTwoWorkersEachWithItsOwnHostAndCheckout() {
    List<ComposeFile.Worker> workers = compose.workers();
    assertEquals(
        List.of("braid-worker-a", "braid-worker-b"),
        workers.stream().map(ComposeFile.Worker::service).toList());
    Set<String> hosts = new TreeSet<>();
    Set<String> volumes = new TreeSet<>();
    Set<String> repos = new TreeSet<>();
    for (ComposeFile.Worker worker : workers) {
      String host = worker.environment().get("BRAID_HOST");
      assertTrue(host != null && !host.isBlank(), worker.service() + " has no BRAID_HOST");
      hosts.add(host);
      String volume = worker.checkoutVolume();
      assertTrue(
          compose.volumes().contains(volume),
          worker.service() + "'s checkout is not a named volume: " + volume);
      volumes.add(volume);
      repos.add(worker.environment().get("BRAID_REPO"));
    }
    assertEquals(2, hosts.size(), "the workers' BRAID_HOST values are not distinct: " + hosts);
    assertEquals(2, volumes.size(), "the workers share a checkout volume: " + volumes);
    assertEquals(2, repos.size(), "the workers' BRAID_REPO are not distinct: " + repos);
    for (ComposeFile.Worker worker : workers) {
      Set<String> others = new TreeSet<>(volumes);
      others.remove(worker.checkoutVolume());
      others.retainAll(worker.mounts().keySet());
      assertEquals(Set.of(), others, worker.service() + " mounts another worker's checkout");
    }
  }

  @Test
  void composeWorkersServeOneTemporalServerOfTheFile() {
    Set<String> addresses = new TreeSet<>();
    Set<String> namespaces = new TreeSet<>();
    for (ComposeFile.Worker worker : compose.workers()) {
      addresses.add(worker.environment().get("TEMPORAL_ADDRESS"));
      namespaces.add(worker.environment().get("TEMPORAL_NAMESPACE"));
    }
    assertEquals(1, addresses.size(), "the workers' TEMPORAL_ADDRESS differ: " + addresses);
    assertEquals(Set.of("default"), namespaces);
    String host = addresses.iterator().next().split(":")[0];
    assertTrue(compose.services().containsKey(host), "no service " + host + " in the file");
  }

  @Test
  void composeWorkersRunBraidWorkerOnTheImage() throws Exception {
    String dockerfile = Files.readString(DOCKERFILE);
    List<String> entrypoint = null;
    for (String line : dockerfile.lines().toList()) {
      if (line.startsWith("ENTRYPOINT ")) {
        entrypoint =
            List.of(new ObjectMapper().readValue(line.substring(11).trim(), String[].class));
      }
    }
    assertEquals(List.of("java", "-jar", "/opt/braid/braid.jar"), entrypoint);
    assertTrue(
        dockerfile.contains("COPY starter/target/braid.jar /opt/braid/braid.jar"),
        "the image does not copy the jar the build makes");
    for (ComposeFile.Worker worker : compose.workers()) {
      assertEquals(List.of("worker"), worker.command(), worker.service());
    }
  }

  @Test
  void stopTimeoutsOutlastTheWorkersDrain() throws Exception {
    Duration drain = Duration.ofSeconds(Long.parseLong(WorkerDefaults.DRAIN_SECONDS));
    for (ComposeFile.Worker worker : compose.workers()) {
      assertNotNull(worker.stopGracePeriod(), worker.service() + " has no stop_grace_period");
      Duration grace = seconds(worker.stopGracePeriod());
      assertTrue(grace.compareTo(drain) > 0, worker.service() + ": " + grace + " <= " + drain);
    }
    Duration timeout = seconds(unitSetting("TimeoutStopSec"));
    assertTrue(timeout.compareTo(drain) > 0, "TimeoutStopSec " + timeout + " <= " + drain);
  }

  @Test
  void theSearchAttributeJobCreatesWhatBraidRegisters() {
    String script = String.valueOf(compose.services().get("search-attributes").get("command"));
    Matcher pairs = Pattern.compile("for pair in ([^;]+);").matcher(script);
    assertTrue(pairs.find(), "no `for pair in ...;` in the job: " + script);
    Map<String, String> created = new TreeMap<>();
    for (String pair : pairs.group(1).trim().split("\\s+")) {
      String[] nameType = pair.split("=");
      assertEquals(2, nameType.length, pair);
      assertEquals(null, created.put(nameType[0], nameType[1]), "twice: " + nameType[0]);
    }
    Map<String, String> registered = new TreeMap<>(DevServer.SEARCH_ATTRIBUTES);
    registered.putAll(StarterSearchAttributes.ALL);
    assertEquals(registered, created);
  }

  @Test
  void theSystemdUnitRunsBraidWorker() throws Exception {
    List<String> exec = List.of(unitSetting("ExecStart").trim().split("\\s+"));
    assertEquals(2, exec.size(), "ExecStart=" + exec);
    assertTrue(exec.get(0).endsWith("/braid"), "ExecStart runs " + exec.get(0));
    assertEquals("worker", exec.get(1));
    assertTrue(
        unitSetting("EnvironmentFile").endsWith("/etc/braid/worker.env"),
        "the unit does not read /etc/braid/worker.env");
  }

  @Test
  void theWebhookUnitRunsBraidWebhookWithItsSecretFromItsFile() throws Exception {
    String unit = Files.readString(WEBHOOK_UNIT);
    Matcher exec = Pattern.compile("(?m)^ExecStart=(.*)$").matcher(unit);
    assertTrue(exec.find(), unit);
    List<String> argv = List.of(exec.group(1).trim().split("\\s+"));
    assertTrue(argv.get(0).endsWith("/braid"), "ExecStart runs " + argv);
    assertEquals(List.of("webhook"), argv.subList(1, argv.size()));
    assertTrue(
        unit.contains("\nEnvironmentFile=/etc/braid/webhook.env\n"),
        "the secret's file is required, not optional ('-'): " + unit);
    assertTrue(
        Files.readString(WEBHOOK_ENV).contains("\nBRAID_WEBHOOK_SECRET="),
        "the template names the secret");
  }

  @Test
  void everyBraidVariableTheFilesSetIsOneBraidReads() throws Exception {
    Set<String> read = variablesBraidReads();
    // Sanity: the scan finds the worker's own variables, so an empty set cannot pass.
    assertTrue(
        read.containsAll(Set.of("BRAID_REPO", "BRAID_HOST", "BRAID_DRAIN_SECONDS")), "" + read);
    Map<String, Set<String>> unknown = new TreeMap<>();
    for (Path file :
        List.of(ComposeFile.PATH, DOCKERFILE, UNIT, WORKER_ENV, WEBHOOK_UNIT, WEBHOOK_ENV)) {
      Matcher m = BRAID_VARIABLE.matcher(Files.readString(file));
      while (m.find()) {
        if (!read.contains(m.group())) {
          unknown
              .computeIfAbsent(HOME.relativize(file).toString(), f -> new TreeSet<>())
              .add(m.group());
        }
      }
    }
    assertEquals(Map.of(), unknown, "variables braid never reads (it reads " + read + ")");
  }

  /**
   * What braid's code reads from the environment: {@code getenv("BRAID_...")}, picocli's {@code
   * ${env:BRAID_...}} defaults, constants named for it, and the launcher script's variables.
   */
  private static Set<String> variablesBraidReads() throws Exception {
    Pattern java =
        Pattern.compile(
            "getenv\\(\\s*\"(BRAID_\\w+)\"|env:(BRAID_\\w+)|ENV_\\w+\\s*=\\s*\"(BRAID_\\w+)\"");
    Set<String> read = new TreeSet<>();
    for (String module : List.of("starter", "deploy", "activities", "workflows")) {
      try (Stream<Path> files = Files.walk(HOME.resolve(module).resolve("src/main/java"))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Matcher m = java.matcher(Files.readString(file));
          while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
              if (m.group(g) != null) {
                read.add(m.group(g));
              }
            }
          }
        }
      }
    }
    Matcher launcher =
        Pattern.compile("\\$\\{?(BRAID_\\w+)").matcher(Files.readString(HOME.resolve("braid")));
    while (launcher.find()) {
      read.add(launcher.group(1));
    }
    return read;
  }

  /** The value of a {@code Key=value} line of the unit; fails unless there is exactly one. */
  private static String unitSetting(String key) throws Exception {
    List<String> values =
        Files.readString(UNIT)
            .lines()
            .filter(l -> l.startsWith(key + "="))
            .map(l -> l.substring(key.length() + 1))
            .collect(Collectors.toList());
    assertEquals(1, values.size(), key + " in the unit: " + values);
    return values.get(0);
  }

  /** {@code 150s} or {@code 150} as a duration; compose's and systemd's simplest forms. */
  private static Duration seconds(String value) {
    Map<String, Long> units = new HashMap<>(Map.of("s", 1L, "m", 60L, "min", 60L));
    Matcher m = Pattern.compile("(\\d+)\\s*(s|m|min)?").matcher(value.trim());
    assertTrue(m.matches(), "not a duration of a known form: " + value);
    long factor = m.group(2) == null ? 1 : units.get(m.group(2));
    return Duration.ofSeconds(Long.parseLong(m.group(1)) * factor);
  }
}
