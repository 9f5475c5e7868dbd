package dev.braid.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The coding-agent CLIs braid knows how to drive, as data: the argv, the flags that let the agent
 * edit files with nobody there to approve, how its output is read, and which credentials it looks
 * for. A tier says {@code preset: claude-code, model: haiku}; {@code command:} stays for any other
 * agent. The prompt always goes on standard input, so it has no size limit and can never be read as
 * an option.
 */
public enum AgentPreset {
  /**
   * Anthropic's Claude Code ({@code @anthropic-ai/claude-code}). {@code -p} with no prompt argument
   * reads the prompt from stdin; {@code acceptEdits} lets it write files unattended while shell
   * commands outside its allow-list are refused (and reported to the model, not hung on); the JSON
   * result carries {@code total_cost_usd} and {@code usage}.
   */
  CLAUDE_CODE(
      "claude-code",
      List.of(
          "claude",
          "-p",
          "--output-format",
          "json",
          "--model",
          "{model}",
          "--permission-mode",
          "acceptEdits"),
      List.of("ANTHROPIC_API_KEY", "CLAUDE_CODE_OAUTH_TOKEN")),

  /**
   * OpenAI's Codex CLI ({@code @openai/codex}). {@code exec -} reads the prompt from stdin; the
   * {@code workspace-write} sandbox lets it edit the worktree and run commands there, never
   * outside; {@code --json} prints events, whose {@code turn.completed} carries the usage.
   */
  CODEX(
      "codex",
      List.of("codex", "exec", "--json", "--model", "{model}", "--sandbox", "workspace-write", "-"),
      List.of("OPENAI_API_KEY", "CODEX_API_KEY"));

  /** The placeholder of a preset's argv that the tier's {@code model} replaces. */
  public static final String MODEL = "{model}";

  private final String id;
  private final List<String> argv;
  private final List<String> credentialEnv;

  AgentPreset(String id, List<String> argv, List<String> credentialEnv) {
    this.id = id;
    this.argv = argv;
    this.credentialEnv = credentialEnv;
  }

  /** The name used in {@code braid.yaml} and in {@link AgentTier#output()}. */
  public String id() {
    return id;
  }

  /**
   * The environment variables the CLI reads an API key from; it may also be logged in instead, so
   * their absence is a hint in messages, never a reason to refuse.
   */
  public List<String> credentialEnv() {
    return credentialEnv;
  }

  /** The argv for a model, or without {@code --model} when the tier names none. */
  public List<String> command(String model) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < argv.size(); i++) {
      if (model == null && i + 1 < argv.size() && MODEL.equals(argv.get(i + 1))) {
        i++;
        continue;
      }
      out.add(MODEL.equals(argv.get(i)) ? model : argv.get(i));
    }
    return List.copyOf(out);
  }

  /** A tier running this preset. */
  public AgentTier tier(
      String name, String model, int attempts, long timeoutSeconds, long backoffSeconds) {
    return new AgentTier(name, command(model), attempts, timeoutSeconds, backoffSeconds, id, true);
  }

  /** The preset of this name, as written in {@code braid.yaml}. */
  public static Optional<AgentPreset> byId(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
  }

  /** The names of every preset, for messages. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(AgentPreset::id).toList();
  }
}
