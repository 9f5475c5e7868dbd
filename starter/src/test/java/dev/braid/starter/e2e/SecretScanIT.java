package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.braid.deploy.ServerState;
import dev.braid.starter.testsupport.BraidLauncher;
import dev.braid.starter.testsupport.TestRepos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Known fake secrets in braid's environment; an agent and a failing check print them. Afterwards no
 * workflow history (every payload decoded), no file under {@code .parallel/} and no line the CLI
 * printed holds any of them, and neither the agent nor the check saw {@code GITHUB_TOKEN}.
 */
@Tag("e2e")
class SecretScanIT extends EndToEndTest {
  private static final Map<String, String> SECRETS =
      Map.of(
          "GITHUB_TOKEN", "ghp_FAKEscan0123456789abcdef",
          "ANTHROPIC_API_KEY", "sk-ant-FAKEscan-provider-0123",
          "NPM_TOKEN", "npm_FAKEscan_check_0123",
          "MY_SERVICE_PASSWORD", "FAKEscan-password-0123");

  private static final String WEBHOOK = "https://hooks.example.test/T0/FAKEscan-webhook-0123";

  @Test
  void noSecretReachesHistoryFilesOrTheCliAndNoChildSeesTheGitHubToken() throws Exception {
    repo = TestRepos.init(tmp.resolve("repo"), "e2e");
    Path agent = tmp.resolve("leaky-agent");
    Files.writeString(
        agent,
        "#!/bin/bash\n"
            + "echo \"agent sees ai=$ANTHROPIC_API_KEY pw=$MY_SERVICE_PASSWORD\"\n"
            + "[ -n \"$GITHUB_TOKEN$GH_TOKEN\" ] && echo \"$GITHUB_TOKEN\" > "
            + tmp.resolve("agent-saw-github-token")
            + "\n"
            + "echo work > work.txt\n"
            + "exit 0\n");
    agent.toFile().setExecutable(true);
    Files.writeString(
        repo.resolve("braid.yaml"),
        "agent:\n  tiers:\n    - {name: fast, command: ["
            + agent
            + "], attempts: 1, timeout: 2m, env: [MY_SERVICE_PASSWORD]}\n"
            + "env: {checks: [NPM_TOKEN]}\n"
            + "checks: [[bash, -c, '[ -n \"$GITHUB_TOKEN\" ] && echo \"$GITHUB_TOKEN\" > "
            + tmp.resolve("check-saw-github-token")
            + "; echo \"check prints $NPM_TOKEN\"; exit 1']]\n"
            + "merge: {mode: none}\n"
            // A webhook's secret in the notifier's argv: it must stay with the worker.
            + "notify: [bash, -c, 'echo notified > \"$0\"', "
            + tmp.resolve("notified")
            + ", '"
            + WEBHOOK
            + "']\n");
    Path tasks = Files.createDirectories(repo.resolve(".parallel/plans/tasks"));
    Files.writeString(
        repo.resolve(".parallel/plans/plan.yaml"),
        "metadata: {name: secret scan}\ntasks:\n  - {id: leak, file: tasks/leak.md}\n");
    Files.writeString(tasks.resolve("leak.md"), "# Leak\n\nPrint what you can see.\n");
    TestRepos.commitAll(repo, "plan");

    BraidProcess.Result result = BraidProcess.run(repo, SECRETS, "execute");

    assertEquals(3, result.exitCode(), "the task blocks on its failing check: " + result);
    assertTrue(result.err().contains("***") || result.out().contains("***"), result.toString());
    assertFalse(Files.exists(tmp.resolve("agent-saw-github-token")), "the agent saw GITHUB_TOKEN");
    assertFalse(Files.exists(tmp.resolve("check-saw-github-token")), "the check saw GITHUB_TOKEN");
    String log = logs();
    assertTrue(log.contains("agent sees ai=*** pw=***"), "the agent got its keys: " + log);
    assertTrue(log.contains("check prints ***"), "the check got its grant: " + log);

    List<String> leaks = new ArrayList<>();
    scan("the CLI's output", result.out() + result.err(), leaks);
    scanFiles(repo.resolve(".parallel"), leaks);
    StringBuilder decoded = new StringBuilder();
    for (String history : histories()) {
      scanJson("a workflow history", JSON.readTree(history), leaks, decoded);
    }
    assertEquals(List.of(), leaks);
    assertTrue(Files.exists(tmp.resolve("notified")), "the worker ran its own notify command");
    // The control: the scan did read the histories, where the check's masked output is.
    assertTrue(
        decoded.toString().contains("check prints ***"),
        "the scan read the failure with the check's masked output: " + decoded);
  }

  private String logs() throws Exception {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.walk(repo.resolve(".parallel/logs"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        sb.append(Files.readString(f));
      }
    }
    return sb.toString();
  }

  /** Every workflow's history on the repository's dev server, as {@code temporal} prints it. */
  private List<String> histories() throws Exception {
    ServerState server = ServerState.read(repo.resolve(".parallel/temporal")).orElseThrow();
    String address = "127.0.0.1:" + server.port();
    JsonNode list = JSON.readTree(temporal("workflow", "list", "--address", address, "-o", "json"));
    List<String> histories = new ArrayList<>();
    for (JsonNode execution : list) {
      JsonNode ids = execution.path("execution");
      histories.add(
          temporal(
              "workflow",
              "show",
              "--address",
              address,
              "-w",
              ids.path("workflowId").asText(),
              "-r",
              ids.path("runId").asText(),
              "-o",
              "json"));
    }
    assertFalse(histories.isEmpty(), "the run left workflows to scan");
    return histories;
  }

  private static String temporal(String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of(temporalCli().toString()));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "temporal " + args[1]);
    assertEquals(0, p.exitValue(), "temporal " + String.join(" ", args) + ": " + out);
    return out;
  }

  private static Path temporalCli() {
    String configured = System.getenv("BRAID_TEMPORAL_CLI");
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : BraidLauncher.HOME.resolve(".tools/temporal/bin/temporal");
  }

  private static void scanFiles(Path dir, List<String> leaks) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        // Raw bytes: the SQLite database holds every history's payloads too.
        scan(f.toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1), leaks);
      }
    }
  }

  /** Scans every string of the JSON, and what it decodes to when it is base64 (payload data). */
  private static void scanJson(
      String where, JsonNode node, List<String> leaks, StringBuilder decoded) {
    if (node.isTextual()) {
      String text = node.asText();
      scan(where, text, leaks);
      decoded.append(text).append('\n');
      if (text.length() >= 8 && text.matches("[A-Za-z0-9+/=_-]+")) {
        try {
          scan(
              where + " (decoded)",
              new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8),
              leaks);
        } catch (IllegalArgumentException notBase64) {
          // Plain text that only looks like base64.
        }
      }
    }
    node.forEach(child -> scanJson(where, child, leaks, decoded));
  }

  private static void scan(String where, String text, List<String> leaks) {
    if (text.contains(WEBHOOK)) {
      leaks.add("the notify command's webhook in " + where);
    }
    SECRETS.forEach(
        (name, value) -> {
          if (text.contains(value)) {
            leaks.add(name + " in " + where);
          }
        });
  }
}
