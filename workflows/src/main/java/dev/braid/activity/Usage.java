package dev.braid.activity;

/**
 * What an agent reported it consumed, read from Claude Code's JSON result. Each field is null when
 * the agent did not report it: braid never guesses.
 *
 * @param costUsd {@code total_cost_usd}
 * @param inputTokens {@code usage.input_tokens} plus cache reads and writes
 * @param outputTokens {@code usage.output_tokens}
 * @param turns {@code num_turns}
 * @param sessionId {@code session_id}
 */
public record Usage(
    Double costUsd, Long inputTokens, Long outputTokens, Integer turns, String sessionId) {

  /** Nothing reported. */
  public static Usage unknown() {
    return new Usage(null, null, null, null, null);
  }

  /** Whether the agent reported its cost. */
  public boolean known() {
    return costUsd != null;
  }

  /** The sum of two reports; a field is known only when both sides know it. */
  public Usage plus(Usage other) {
    return new Usage(
        costUsd == null || other.costUsd == null ? null : costUsd + other.costUsd,
        inputTokens == null || other.inputTokens == null ? null : inputTokens + other.inputTokens,
        outputTokens == null || other.outputTokens == null
            ? null
            : outputTokens + other.outputTokens,
        turns == null || other.turns == null ? null : turns + other.turns,
        null);
  }
}
