package dev.braid.activities.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activities.secrets.ChildEnvironment;
import dev.braid.activities.secrets.ChildKind;
import dev.braid.activities.secrets.EnvironmentGrants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What of braid's environment a real child process sees, and what of its output leaves. */
class ChildProcessSecretsTest {
  private static final String TOKEN = "ghp_FAKE0123456789secret";
  private static final String PROVIDER = "sk-ant-FAKE-provider-key";

  @TempDir Path dir;

  private final ProcessRunner runner =
      new ProcessRunner(Duration.ofMillis(500), Duration.ofMillis(100), rule());

  private static ChildEnvironment rule() {
    Map<String, String> parent = new HashMap<>(System.getenv());
    parent.put("GITHUB_TOKEN", TOKEN);
    parent.put("ANTHROPIC_API_KEY", PROVIDER);
    parent.put("BRAID_LEAKED", "from-an-outer-agent");
    return new ChildEnvironment(parent, EnvironmentGrants.NONE);
  }

  private String printEnv(ChildKind kind, Path log) throws IOException {
    ProcessSpec spec =
        new ProcessSpec(
            List.of(
                "bash", "-c", "echo \"gh=$GITHUB_TOKEN ai=$ANTHROPIC_API_KEY b=$BRAID_LEAKED\""),
            dir,
            Map.of(),
            log,
            Duration.ofMinutes(1),
            null,
            kind);
    return runner.run(spec, Heartbeat.NONE).output().strip();
  }

  @Test
  void aCheckSeesNeitherTheGitHubTokenNorTheProviderKey() throws IOException {
    assertEquals("gh= ai= b=", printEnv(ChildKind.CHECK, null));
  }

  @Test
  void anAgentSeesItsProvidersKeyButNotTheGitHubToken() throws IOException {
    Path log = dir.resolve("agent.log");
    assertEquals("gh= ai=*** b=", printEnv(ChildKind.AGENT, log));
    String onDisk = Files.readString(log);
    assertFalse(onDisk.contains(PROVIDER), onDisk);
    assertTrue(onDisk.contains("ai=***"), onDisk);
  }

  @Test
  void braidsOwnGitKeepsTheTokenAndMasksItInOutput() throws IOException {
    assertEquals("gh=*** ai=*** b=", printEnv(ChildKind.GIT, null));
  }
}
