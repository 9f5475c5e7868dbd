package dev.braid.activities.process;

import dev.braid.activities.secrets.ChildKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What to run and under which limits.
 *
 * @param command the argv; never a shell string
 * @param workDir the working directory
 * @param env variables set for this process, on top of what it inherits
 * @param logFile where stdout and stderr go (appended), or null to capture them in memory
 * @param timeout how long the process may run before its tree is killed
 * @param pidFile where the process group is recorded while it runs, so that a later attempt can
 *     kill a group a crashed worker left behind; null for none
 * @param kind what the process is for, which decides what of braid's environment it inherits
 * @param listedEnv secret-looking names its config lists for it (a tier's {@code env:})
 * @param stdin the file the process reads as its standard input, or null for an empty one
 */
public record ProcessSpec(
    List<String> command,
    Path workDir,
    Map<String, String> env,
    Path logFile,
    Duration timeout,
    Path pidFile,
    ChildKind kind,
    List<String> listedEnv,
    Path stdin) {

  public ProcessSpec {
    command = List.copyOf(command);
    env = Map.copyOf(env);
    listedEnv = List.copyOf(listedEnv);
  }

  /**
   * A check-like process: it inherits only what is safe for code braid did not write. Callers that
   * run an agent, setup, notify or git say so with the longer constructors.
   */
  public ProcessSpec(
      List<String> command,
      Path workDir,
      Map<String, String> env,
      Path logFile,
      Duration timeout,
      Path pidFile) {
    this(command, workDir, env, logFile, timeout, pidFile, ChildKind.CHECK);
  }

  /** A process of the given kind with nothing listed for it. */
  public ProcessSpec(
      List<String> command,
      Path workDir,
      Map<String, String> env,
      Path logFile,
      Duration timeout,
      Path pidFile,
      ChildKind kind) {
    this(command, workDir, env, logFile, timeout, pidFile, kind, List.of(), null);
  }

  /** A process of the given kind with names listed for it, reading nothing. */
  public ProcessSpec(
      List<String> command,
      Path workDir,
      Map<String, String> env,
      Path logFile,
      Duration timeout,
      Path pidFile,
      ChildKind kind,
      List<String> listedEnv) {
    this(command, workDir, env, logFile, timeout, pidFile, kind, listedEnv, null);
  }

  /** A git call by braid itself, whose output is captured. */
  public static ProcessSpec captured(List<String> command, Path workDir, Duration timeout) {
    return new ProcessSpec(command, workDir, Map.of(), null, timeout, null, ChildKind.GIT);
  }
}
