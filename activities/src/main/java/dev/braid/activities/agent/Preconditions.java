package dev.braid.activities.agent;

import dev.braid.activity.AttemptFailure;
import dev.braid.activity.AttemptRequest;
import dev.braid.config.AgentTier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * What must hold before an agent may start. Each failure here is one that no retry can fix, so it
 * is raised as a non-retryable failure before any process runs and any money is spent.
 */
final class Preconditions {
  /** Linux's limit on one argument ({@code MAX_ARG_STRLEN}), its terminating NUL included. */
  private static final int MAX_ARG_BYTES = 128 * 1024;

  private Preconditions() {}

  /** The commands are well formed: not empty, and with known placeholders only. */
  static void commands(AttemptRequest r) {
    AgentTier tier = r.tier();
    try {
      if (tier.command().isEmpty()) {
        throw new IllegalArgumentException("tier " + tier.name() + " has an empty agent command");
      }
      Placeholders.validate(tier.command(), "agent command of tier " + tier.name());
    } catch (IllegalArgumentException e) {
      throw Failures.badConfig(e.getMessage(), e);
    }
    checks(r.checks());
  }

  /** The check commands are well formed: not empty, and with known placeholders only. */
  static void checks(List<List<String>> checks) {
    try {
      for (List<String> check : checks) {
        if (check.isEmpty()) {
          throw new IllegalArgumentException("a check command is empty");
        }
        Placeholders.validate(check, "check " + Argv.display(check));
      }
    } catch (IllegalArgumentException e) {
      throw Failures.badConfig(e.getMessage(), e);
    }
  }

  /**
   * The agent's command can start: no argument is longer than the kernel accepts, and its
   * executable exists. The check programs exist too, as {@link #checkPrograms} says.
   */
  static void runnable(List<String> agent, List<List<String>> checks, Path worktree, String tier) {
    for (String arg : agent) {
      int bytes = arg.getBytes(StandardCharsets.UTF_8).length;
      if (bytes >= MAX_ARG_BYTES) {
        throw Failures.nonRetryable(
            "an argument of the agent command of tier "
                + tier
                + " is "
                + bytes
                + " bytes, more than Linux allows in one argument (128 KiB); pass the prompt as"
                + " {promptFile} instead of {prompt}, or use a preset, which sends it on stdin",
            AttemptFailure.BAD_CONFIG);
      }
    }
    String path = System.getenv("PATH");
    if (Executables.find(agent.get(0), worktree, path).isEmpty()) {
      throw Failures.nonRetryable(
          "agent executable not found: "
              + agent.get(0)
              + (agent.get(0).contains("/")
                  ? " is not an executable file (relative to " + worktree + ")"
                  : " is not on the PATH")
              + "; check the command of tier "
              + tier,
          AttemptFailure.AGENT_NOT_FOUND);
    }
    checkPrograms(checks, worktree);
  }

  /**
   * Every check program looked up on the search path exists. A check named by a path is not looked
   * up, because the agent may be the one to create it.
   */
  static void checkPrograms(List<List<String>> checks, Path worktree) {
    String path = System.getenv("PATH");
    for (List<String> check : checks) {
      String program = check.get(0);
      if (!program.contains("/") && Executables.find(program, worktree, path).isEmpty()) {
        throw Failures.nonRetryable(
            "check program not found on the PATH: " + program + " (in " + Argv.display(check) + ")",
            AttemptFailure.BAD_CONFIG);
      }
    }
  }
}
