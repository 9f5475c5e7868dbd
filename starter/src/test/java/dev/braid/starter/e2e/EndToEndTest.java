package dev.braid.starter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.braid.starter.testsupport.BraidLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ground the end-to-end tests stand on: a temporary folder for the repository, and a cleanup
 * that stops the repository's embedded dev server, which braid leaves running between commands.
 *
 * <p>With {@code -Dbraid.keepHistories=DIR}, every workflow's history is written to {@code DIR}
 * before the server stops ({@code <test class>-<workflow id>.json}, as {@code temporal workflow
 * show -o json} prints it): how the real runs that {@code ReplayTest} replays are recorded.
 */
abstract class EndToEndTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** The test's repository, once it made one; its server is stopped after the test. */
  Path repo;

  @AfterEach
  void stopServer(TestInfo test) throws Exception {
    if (repo == null) {
      return;
    }
    String keep = System.getProperty("braid.keepHistories");
    if (keep != null && !keep.isBlank()) {
      keepHistories(Path.of(keep), test.getTestClass().orElseThrow().getSimpleName());
    }
    BraidProcess.run(tmp, "server", "stop", "--repo", repo.toString());
  }

  private void keepHistories(Path dir, String prefix) throws Exception {
    BraidProcess.Result server =
        BraidProcess.run(tmp, "server", "start", "--repo", repo.toString(), "--json");
    String address = JSON.readTree(server.out()).path("address").asText();
    Path temporal = BraidLauncher.HOME.resolve(".tools/temporal/bin/temporal");
    Files.createDirectories(dir);
    String listed = cli(temporal, "workflow", "list", "--address", address, "-o", "json");
    java.util.List<JsonNode> executions = new java.util.ArrayList<>();
    for (JsonNode node : JSON.readerFor(JsonNode.class).<JsonNode>readValues(listed).readAll()) {
      // An array or one document per line, depending on the CLI's version.
      if (node.isArray()) {
        node.forEach(executions::add);
      } else {
        executions.add(node);
      }
    }
    for (JsonNode execution : executions) {
      String id = execution.at("/execution/workflowId").asText();
      String history =
          cli(temporal, "workflow", "show", "-w", id, "--address", address, "-o", "json");
      Files.writeString(dir.resolve(prefix + "-" + id.replace('/', '_') + ".json"), history);
    }
  }

  private String cli(Path temporal, String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = temporal.toString();
    System.arraycopy(args, 0, command, 1, args.length);
    Path out = Files.createTempFile(tmp, "temporal", ".out");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("temporal " + String.join(" ", args) + " failed");
    }
    return Files.readString(out);
  }
}
