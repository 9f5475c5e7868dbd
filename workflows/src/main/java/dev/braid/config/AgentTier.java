package dev.braid.config;

import java.util.List;

/**
 * One rung of the escalation cascade: an agent command and the retry policy it runs under.
 *
 * @param name the tier's name, such as {@code fast} or {@code strong}
 * @param command the agent's argv; may hold the placeholders {@code {prompt}}, {@code
 *     {promptFile}}, {@code {taskId}} and {@code {worktree}}
 * @param attempts how many times this tier runs before the next tier takes over
 * @param timeoutSeconds how long one attempt may run before its process tree is killed
 * @param backoffSeconds the pause before this tier's second attempt; it doubles after that
 * @param output how the agent's output is read for usage and rate limits: an {@link AgentPreset}
 *     output name ({@code claude-code}, {@code codex}), or null to recognise Claude Code's JSON
 *     result when there is one (what every tier did before presets existed)
 * @param promptOnStdin whether the rendered prompt is the agent's standard input; presets use it
 *     because a prompt on stdin has no size limit and cannot be mistaken for an option
 * @param env names of secret-looking variables this tier's agent may see besides the model
 *     providers' keys; names only, never values, so it may travel in workflow payloads
 */
public record AgentTier(
    String name,
    List<String> command,
    int attempts,
    long timeoutSeconds,
    long backoffSeconds,
    String output,
    boolean promptOnStdin,
    List<String> env) {

  public AgentTier {
    command = List.copyOf(command);
    // Runs started before tiers could list names carry none.
    env = env == null ? List.of() : List.copyOf(env);
  }

  /** A tier that lists no extra names, as every tier did before tiers could list them. */
  public AgentTier(
      String name,
      List<String> command,
      int attempts,
      long timeoutSeconds,
      long backoffSeconds,
      String output,
      boolean promptOnStdin) {
    this(name, command, attempts, timeoutSeconds, backoffSeconds, output, promptOnStdin, List.of());
  }

  /** A tier whose command is given in full: its output is auto-detected, its stdin is empty. */
  public AgentTier(
      String name, List<String> command, int attempts, long timeoutSeconds, long backoffSeconds) {
    this(name, command, attempts, timeoutSeconds, backoffSeconds, null, false, List.of());
  }
}
