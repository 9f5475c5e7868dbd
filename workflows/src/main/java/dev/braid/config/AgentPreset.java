package dev.braid.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The coding-agent CLIs braid knows how to drive, as data: the argv, the flags that let the agent
 * edit files with nobody there to approve, how its output is read, and which credentials it looks
 * for. A tier says {@code preset: claude-code, model: haiku}; {@code command:} stays for any other
 * agent. The prompt always goes on standard input, so it has no size limit and can never be read as
 * an option.
 *
 * <p>A preset may also say how its CLI resumes a session it reported, after a rate limit stopped
 * it: the arguments that name the session, and where in the argv they go. A {@code command:} tier
 * has no preset and never resumes.
 */
public enum AgentPreset {
  /**
   * Anthropic's Claude Code ({@code @anthropic-ai/claude-code}). {@code -p} with no prompt argument
   * reads the prompt from stdin; {@code acceptEdits} lets it write files unattended while shell
   * commands outside its allow-list are refused (and reported to the model, not hung on); the JSON
   * result carries {@code total_cost_usd} and {@code usage}. {@code --resume <session>} continues
   * the session its result named (2.1.332 keeps it under the worktree's path in its config folder),
   * and the prompt on stdin becomes the next user message.
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
      List.of("ANTHROPIC_API_KEY", "CLAUDE_CODE_OAUTH_TOKEN"),
      List.of("--resume", "{session}"),
      0),

  /**
   * OpenAI's Codex CLI ({@code @openai/codex}). {@code exec -} reads the prompt from stdin; the
   * {@code workspace-write} sandbox lets it edit the worktree and run commands there, never
   * outside; {@code --json} prints events, whose {@code turn.completed} carries the usage. {@code
   * codex exec [options] resume <thread> -} continues the thread its {@code thread.started} event
   * named, with the same options (0.171.0 takes {@code exec}'s options before the subcommand).
   */
  CODEX(
      "codex",
      List.of("codex", "exec", "--json", "--model", "{model}", "--sandbox", "workspace-write", "-"),
      List.of("OPENAI_API_KEY", "CODEX_API_KEY"),
      List.of("resume", "{session}"),
      1);

  /** The placeholder of a preset's argv that the tier's {@code model} replaces. */
  public static final String MODEL = "{model}";

  /** The placeholder of a preset's resume arguments that the session's id replaces. */
  public static final String SESSION = "{session}";

  /**
   * What a session id must look like to be put into an argv: both CLIs report UUIDs. Anything else
   * (an option, a path) is refused, since the id comes from the agent's own output.
   */
  private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private final String id;
  private final List<String> argv;
  private final List<String> credentialEnv;
  private final List<String> resumeArgs;
  private final int resumeBeforeLast;

  /**
   * @param resumeArgs the arguments that resume a session, with {@link #SESSION}
   * @param resumeBeforeLast how many of the argv's last elements stay after {@code resumeArgs} (the
   *     stdin marker {@code -} of Codex must come after its subcommand)
   */
  AgentPreset(
      String id,
      List<String> argv,
      List<String> credentialEnv,
      List<String> resumeArgs,
      int resumeBeforeLast) {
    this.id = id;
    this.argv = argv;
    this.credentialEnv = credentialEnv;
    this.resumeArgs = resumeArgs;
    this.resumeBeforeLast = resumeBeforeLast;
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

  /**
   * The argv that resumes a session, from the argv a tier of this preset runs (its program may be a
   * wrapper, its model any): the resume arguments go in before the argv's last {@code
   * resumeBeforeLast} elements. Empty when the session id is not a plain id, or when the argv does
   * not end as this preset's does (then it is not this preset's argv, and inserting could change
   * its meaning).
   */
  public Optional<List<String>> resumeCommand(List<String> command, String session) {
    if (session == null || !SESSION_ID.matcher(session).matches()) {
      return Optional.empty();
    }
    List<String> tail = argv.subList(argv.size() - resumeBeforeLast, argv.size());
    int at = command.size() - resumeBeforeLast;
    if (at < 1 || !command.subList(at, command.size()).equals(tail)) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>(command.subList(0, at));
    resumeArgs.forEach(a -> out.add(SESSION.equals(a) ? session : a));
    out.addAll(tail);
    return Optional.of(List.copyOf(out));
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
