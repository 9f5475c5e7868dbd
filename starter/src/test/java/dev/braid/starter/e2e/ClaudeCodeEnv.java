package dev.braid.starter.e2e;

import dev.braid.testsupport.anthropic.FakeAnthropic;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment under which {@code braid} runs the real Claude Code CLI against {@link
 * FakeAnthropic}: the CLI on the {@code PATH}, the stand-in as its API, a configuration folder of
 * its own, and no traffic to anywhere else (no telemetry, no auto-update).
 */
final class ClaudeCodeEnv {
  private ClaudeCodeEnv() {}

  /** The variables for {@code braid}, whose worker hands them to the agent it runs. */
  static Map<String, String> of(FakeAnthropic api, Path configDir) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", AgentClis.bin("claude") + ":" + System.getenv("PATH"));
    env.put("ANTHROPIC_BASE_URL", api.baseUrl());
    env.put("ANTHROPIC_API_KEY", "sk-ant-test-not-a-secret");
    env.put("CLAUDE_CONFIG_DIR", configDir.toString());
    env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
    env.put("DISABLE_AUTOUPDATER", "1");
    return env;
  }
}
