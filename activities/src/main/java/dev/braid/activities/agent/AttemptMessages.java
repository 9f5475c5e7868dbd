package dev.braid.activities.agent;

/** The texts an attempt leaves behind: its commit message and the feedback for the next one. */
final class AttemptMessages {
  private AttemptMessages() {}

  /**
   * The message of the commit that holds an agent's leftovers. {@code Implements: <task>} is the
   * last line, a trailer that tools can read to map commits to tasks.
   */
  static String commit(String taskId, int attempt, String tier) {
    return "braid: " + taskId + " attempt " + attempt + " (" + tier + ")\n\nImplements: " + taskId;
  }

  /** Why an attempt failed, for the next attempt's agent. */
  static String feedback(String label, String ending, String outputTail) {
    String tail = outputTail.strip();
    return label
        + " failed: "
        + ending
        + ".\n"
        + (tail.isEmpty() ? "It printed nothing.\n" : "\nThe end of its output:\n\n" + tail + "\n");
  }

  /** The feedback of an attempt that left none, because its worker stopped before it ended. */
  static String lostFeedback(int previous) {
    return "attempt "
        + previous
        + " ended without a result: its worker stopped while it ran.\n"
        + "Its work, if any, is still in the working tree.\n";
  }

  /** At most the last {@code max} characters of a text, for a failure message. */
  static String lastChars(String text, int max) {
    return text.length() <= max ? text : "..." + text.substring(text.length() - max);
  }
}
