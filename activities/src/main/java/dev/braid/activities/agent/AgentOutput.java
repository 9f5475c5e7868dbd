package dev.braid.activities.agent;

import dev.braid.activity.Usage;
import dev.braid.config.AgentPreset;
import java.time.Instant;
import java.util.List;

/** Reads an agent's output, the lines it printed in one attempt, in the format its CLI uses. */
interface AgentOutput {

  /**
   * What the output says.
   *
   * @param lines the attempt's output, oldest first
   * @param now the time relative reset times ("try again in 2 hours") count from
   */
  AgentReport read(List<String> lines, Instant now);

  /**
   * Whether a run that was to resume a session says the session does not exist (it was kept on
   * another host, or under another config folder): the attempt then starts afresh.
   */
  boolean sessionMissing(List<String> lines);

  /**
   * What a session used over every run of it, from what its earlier runs used and what the run that
   * resumed it reported. The CLIs restore part of their counters on resume, so the sum is not
   * always right.
   *
   * @param before what the session's earlier runs used
   * @param reported what the resuming run reported
   */
  Usage afterResume(Usage before, Usage reported);

  /**
   * The reader for a tier's {@code output}: a preset's format, or, when the tier names none, Claude
   * Code's JSON result if the agent printed one (what every command tier got before presets
   * existed).
   *
   * @throws IllegalArgumentException for a name that is no preset's
   */
  static AgentOutput forName(String output) {
    if (output == null || output.equals(AgentPreset.CLAUDE_CODE.id())) {
      return new ClaudeCodeOutput();
    }
    if (output.equals(AgentPreset.CODEX.id())) {
      return new CodexOutput();
    }
    throw new IllegalArgumentException(
        "unknown agent output '" + output + "'; known: " + AgentPreset.ids());
  }
}
