package dev.braid.activities.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {
  private static final Map<String, String> PARENT =
      Map.ofEntries(
          Map.entry("PATH", "/usr/bin:/bin"),
          Map.entry("HOME", "/home/me"),
          Map.entry("JAVA_HOME", "/opt/jdk"),
          Map.entry("GITHUB_TOKEN", "ghp_parent"),
          Map.entry("GH_TOKEN", "gho_parent"),
          Map.entry("TEMPORAL_API_KEY", "temporal-key"),
          Map.entry("TEMPORAL_ADDRESS", "cloud:7233"),
          Map.entry("TEMPORAL_TLS_CLIENT_KEY_PATH", "/keys/client.key"),
          Map.entry("GIT_ASKPASS", "/usr/bin/askpass"),
          Map.entry("GIT_CONFIG_VALUE_0", "Authorization: token x"),
          Map.entry("ANTHROPIC_API_KEY", "sk-ant-parent"),
          Map.entry("DATABASE_PASSWORD", "hunter22"),
          Map.entry("NPM_TOKEN", "npm_parent"),
          Map.entry("MY_SERVICE_URL", "https://user:pw@svc"),
          Map.entry("BRAID_ATTEMPT", "9"));

  private final ChildEnvironment rule =
      new ChildEnvironment(
          PARENT,
          new EnvironmentGrants(
              List.of("NPM_TOKEN"), List.of(), List.of(), List.of("MY_SERVICE_URL")));

  @Test
  void braidsOwnCredentialsReachNoChildButGit() {
    for (ChildKind kind : List.of(ChildKind.AGENT, ChildKind.CHECK, ChildKind.SETUP)) {
      Map<String, String> env = rule.inherited(kind, List.of("GITHUB_TOKEN", "TEMPORAL_API_KEY"));
      for (String name :
          List.of(
              "GITHUB_TOKEN",
              "GH_TOKEN",
              "TEMPORAL_API_KEY",
              "TEMPORAL_ADDRESS",
              "TEMPORAL_TLS_CLIENT_KEY_PATH",
              "GIT_ASKPASS",
              "GIT_CONFIG_VALUE_0",
              "BRAID_ATTEMPT")) {
        assertFalse(env.containsKey(name), kind + " saw " + name);
      }
    }
    Map<String, String> git = rule.inherited(ChildKind.GIT, List.of());
    assertEquals("ghp_parent", git.get("GITHUB_TOKEN"));
    assertEquals("/usr/bin/askpass", git.get("GIT_ASKPASS"));
    assertFalse(git.containsKey("TEMPORAL_API_KEY"));
  }

  @Test
  void claudeCodesOwnSessionReachesNoChildButItsSettingsDo() {
    ChildEnvironment inside =
        new ChildEnvironment(
            Map.of(
                "CLAUDECODE", "1",
                "CLAUDE_CODE_SESSION_ID", "0932fed6",
                "CLAUDE_CODE_ENTRYPOINT", "cli",
                "CLAUDE_CODE_MAX_RETRIES", "2",
                "PATH", "/usr/bin"),
            EnvironmentGrants.NONE);
    for (ChildKind kind : ChildKind.values()) {
      Map<String, String> env = inside.inherited(kind, List.of("CLAUDECODE"));
      assertFalse(env.containsKey("CLAUDECODE"), kind.name());
      assertFalse(env.containsKey("CLAUDE_CODE_SESSION_ID"), kind.name());
      assertFalse(env.containsKey("CLAUDE_CODE_ENTRYPOINT"), kind.name());
      assertEquals("/usr/bin", env.get("PATH"), kind.name());
    }
    assertEquals("2", inside.inherited(ChildKind.AGENT, List.of()).get("CLAUDE_CODE_MAX_RETRIES"));
  }

  @Test
  void anAgentGetsProviderKeysAndItsListedNamesOnly() {
    Map<String, String> agent = rule.inherited(ChildKind.AGENT, List.of("DATABASE_PASSWORD"));
    assertEquals("sk-ant-parent", agent.get("ANTHROPIC_API_KEY"));
    assertEquals("hunter22", agent.get("DATABASE_PASSWORD"));
    assertFalse(agent.containsKey("NPM_TOKEN"));
    assertFalse(agent.containsKey("MY_SERVICE_URL"), "listed in secrets:");
    assertEquals("/opt/jdk", agent.get("JAVA_HOME"));
    assertEquals("/usr/bin:/bin", agent.get("PATH"));
  }

  @Test
  void checksGetTheirGrantsAndNoProviderKeys() {
    Map<String, String> checks = rule.inherited(ChildKind.CHECK, List.of());
    assertEquals("npm_parent", checks.get("NPM_TOKEN"));
    assertFalse(checks.containsKey("ANTHROPIC_API_KEY"));
    assertFalse(checks.containsKey("DATABASE_PASSWORD"));
    assertTrue(checks.containsKey("HOME"));
    Map<String, String> setup = rule.inherited(ChildKind.SETUP, List.of());
    assertFalse(setup.containsKey("NPM_TOKEN"), "granted to checks only");
    assertFalse(rule.inherited(ChildKind.NOTIFY, List.of()).containsKey("ANTHROPIC_API_KEY"));
  }
}
