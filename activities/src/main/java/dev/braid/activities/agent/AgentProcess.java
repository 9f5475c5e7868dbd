package dev.braid.activities.agent;

import dev.braid.activities.process.Heartbeat;
import dev.braid.activities.process.ProcessOutcome;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activities.process.ProcessSpec;
import dev.braid.activities.secrets.ChildKind;
import dev.braid.config.AgentTier;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Runs the agent's process of an attempt, appending to the attempt's log under a header, and reads
 * what its output says. An attempt may run it twice: a resume the CLI refuses for want of the
 * session is followed by a fresh start.
 */
final class AgentProcess {
  private static final int USAGE_SCAN_BYTES = 1 << 20;

  private final ProcessRunner runner;
  private final Path worktree;
  private final Map<String, String> env;
  private final AttemptLog out;
  private final Duration timeout;
  private final Path pidFile;
  private final AgentTier tier;
  private final AgentOutput reader;

  /** One run: how the process ended, what its output says, and that output's lines. */
  record Ran(ProcessOutcome outcome, AgentReport report, List<String> lines, long from) {}

  AgentProcess(
      ProcessRunner runner,
      Path worktree,
      Map<String, String> env,
      AttemptLog out,
      Duration timeout,
      Path pidFile,
      AgentTier tier) {
    this.runner = runner;
    this.worktree = worktree;
    this.env = env;
    this.out = out;
    this.timeout = timeout;
    this.pidFile = pidFile;
    this.tier = tier;
    this.reader = AgentOutput.forName(tier.output());
  }

  AgentOutput reader() {
    return reader;
  }

  /**
   * Runs {@code argv} with {@code stdin} (null for an empty one) after a header line in the log.
   * Its whole tree dies on the timeout, or when a heartbeat says the activity was cancelled.
   */
  Ran run(List<String> argv, Path stdin, String header, Heartbeat heartbeat) throws IOException {
    out.header(header);
    long from = out.size();
    ProcessOutcome outcome =
        runner.run(
            new ProcessSpec(
                argv,
                worktree,
                env,
                out.file(),
                timeout,
                pidFile,
                ChildKind.AGENT,
                tier.env(),
                stdin),
            heartbeat);
    List<String> lines = out.since(from, USAGE_SCAN_BYTES).lines().toList();
    return new Ran(outcome, reader.read(lines, Instant.now()), lines, from);
  }
}
