package dev.braid.activities.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What to run and under which limits.
 *
 * @param command the argv; never a shell string
 * @param workDir the working directory
 * @param env variables added to the inherited environment
 * @param logFile where stdout and stderr go (appended), or null to capture them in memory
 * @param timeout how long the process may run before its tree is killed
 * @param pidFile where the process group is recorded while it runs, so that a later attempt can
 *     kill a group a crashed worker left behind; null for none
 * @param stdin the file the process reads as its standard input, or null for an empty one
 */
public record ProcessSpec(
    List<String> command,
    Path workDir,
    Map<String, String> env,
    Path logFile,
    Duration timeout,
    Path pidFile,
    Path stdin) {

  public ProcessSpec {
    command = List.copyOf(command);
    env = Map.copyOf(env);
  }

  /** A process that reads nothing: its standard input is empty. */
  public ProcessSpec(
      List<String> command,
      Path workDir,
      Map<String, String> env,
      Path logFile,
      Duration timeout,
      Path pidFile) {
    this(command, workDir, env, logFile, timeout, pidFile, null);
  }

  /** A short command whose output is captured, such as a git call. */
  public static ProcessSpec captured(List<String> command, Path workDir, Duration timeout) {
    return new ProcessSpec(command, workDir, Map.of(), null, timeout, null);
  }
}
