package dev.braid.activities.git;

import dev.braid.activities.process.Heartbeat;
import dev.braid.activities.process.ProcessOutcome;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activities.process.ProcessSpec;
import dev.braid.activities.secrets.ChildKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs configured commands (setup, checks) one after another until one fails. Their output goes to
 * one log file, started afresh on each run, so that a failure's tail is this run's and a human can
 * read the whole of it later.
 */
final class CommandSequence {
  /**
   * How long one command may run. A backstop only: the activity's heartbeat timeout and
   * cancellation stop a stuck command much sooner, through the heartbeat.
   */
  static final Duration COMMAND_TIMEOUT = Duration.ofHours(4);

  /**
   * How the commands ended.
   *
   * @param succeeded whether every command exited 0
   * @param summary which command failed and how, or empty
   * @param tail the end of the log when one failed, or empty
   */
  record Outcome(boolean succeeded, String summary, String tail) {}

  private final ProcessRunner runner;
  private final Heartbeat heartbeat;

  CommandSequence(ProcessRunner runner, Heartbeat heartbeat) {
    this.runner = runner;
    this.heartbeat = heartbeat;
  }

  /**
   * Runs the setup commands, then the checks, in {@code dir}; each kind inherits what the
   * environment rule gives it.
   *
   * @param placeholders values for {@code {name}} placeholders in the arguments
   * @param env variables added to the inherited environment
   * @param log where the output goes; replaced
   */
  Outcome run(
      List<List<String>> setup,
      List<List<String>> checks,
      Path dir,
      Map<String, String> placeholders,
      Map<String, String> env,
      Path log) {
    try {
      Files.createDirectories(log.getParent());
      Files.deleteIfExists(log);
      List<List<String>> commands = new ArrayList<>(setup);
      commands.addAll(checks);
      for (int i = 0; i < commands.size(); i++) {
        List<String> command = commands.get(i);
        ChildKind kind = i < setup.size() ? ChildKind.SETUP : ChildKind.CHECK;
        List<String> argv = command.stream().map(arg -> fill(arg, placeholders)).toList();
        Files.writeString(
            log,
            "$ " + String.join(" ", argv) + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
        heartbeat.beat(0);
        Outcome outcome = runOne(argv, dir, env, log, kind);
        if (!outcome.succeeded()) {
          return outcome;
        }
      }
      return new Outcome(true, "", "");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + log, e);
    }
  }

  private Outcome runOne(
      List<String> argv, Path dir, Map<String, String> env, Path log, ChildKind kind) {
    ProcessOutcome outcome;
    try {
      outcome =
          runner.run(new ProcessSpec(argv, dir, env, log, COMMAND_TIMEOUT, null, kind), heartbeat);
    } catch (IOException e) {
      return new Outcome(false, argv + " could not start: " + e.getMessage(), "");
    }
    if (outcome.succeeded()) {
      return new Outcome(true, "", "");
    }
    String how =
        outcome.timedOut()
            ? " timed out after " + COMMAND_TIMEOUT
            : " exited " + outcome.exitCode();
    return new Outcome(false, argv + how, outcome.output());
  }

  private static String fill(String arg, Map<String, String> placeholders) {
    String result = arg;
    for (Map.Entry<String, String> entry : placeholders.entrySet()) {
      result = result.replace("{" + entry.getKey() + "}", entry.getValue());
    }
    return result;
  }
}
