package dev.braid.activities.agent;

import dev.braid.activities.process.Heartbeat;
import dev.braid.activities.process.ProcessOutcome;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activities.process.ProcessSpec;
import dev.braid.activities.secrets.ChildKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Runs the checks in a worktree, in order, each under a header in the attempt's log, and stops at
 * the first that fails: later checks usually fail for the same reason, and the agent's next attempt
 * needs one clear failure more than several.
 */
final class CheckRunner {
  private final ProcessRunner runner;
  private final Path worktree;
  private final Map<String, String> env;
  private final AttemptLog log;
  private final Duration timeout;
  private final Path pidFile;

  CheckRunner(
      ProcessRunner runner,
      Path worktree,
      Map<String, String> env,
      AttemptLog log,
      Duration timeout,
      Path pidFile) {
    this.runner = runner;
    this.worktree = worktree;
    this.env = env;
    this.log = log;
    this.timeout = timeout;
    this.pidFile = pidFile;
  }

  /**
   * Runs the checks.
   *
   * @param heartbeats the heartbeat for the i-th check, 1-based
   * @param tailBytes how much of a failed check's output to keep
   * @return the first failure, or empty when every check passed
   */
  Optional<CheckFailure> firstFailure(
      List<List<String>> checks, IntFunction<Heartbeat> heartbeats, int tailBytes)
      throws IOException {
    for (int i = 0; i < checks.size(); i++) {
      List<String> check = checks.get(i);
      log.header("check " + (i + 1) + "/" + checks.size() + ": " + Argv.display(check));
      long from = log.size();
      ProcessOutcome outcome =
          runner.run(
              new ProcessSpec(check, worktree, env, log.file(), timeout, pidFile, ChildKind.CHECK),
              heartbeats.apply(i + 1));
      if (!outcome.succeeded()) {
        return Optional.of(
            new CheckFailure(
                check, outcome.exitCode(), outcome.timedOut(), log.since(from, tailBytes)));
      }
    }
    return Optional.empty();
  }
}
