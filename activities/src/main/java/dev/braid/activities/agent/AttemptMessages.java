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

  /**
   * The message of the commit that holds a human's manual fix, with the same trailer as an agent's
   * attempt, so that the task's commits read alike whoever made them.
   */
  static String manualCommit(String taskId) {
    return "braid: " + taskId + " manual fix\n\nImplements: " + taskId;
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

  /**
   * The feedback of an attempt that left none, because its worker stopped before it ended.
   *
   * @param kept whether the next attempt starts from that attempt's work, or from the base
   */
  static String lostFeedback(int previous, boolean kept) {
    return "attempt "
        + previous
        + " ended without a result: its worker stopped while it ran.\n"
        + (kept
            ? "Its work, if any, is still in the working tree.\n"
            : "The working tree starts again from the task's base commit.\n");
  }

  /**
   * What an agent resuming its session after a rate limit is told. The task, the rules and any
   * feedback are already in the session, so repeating them would only cost tokens and read like a
   * new task; the agent needs to know why it stopped and that it should go on.
   */
  static String resume() {
    return "Your provider's rate limit stopped you before you finished, and the wait is over."
        + " The task and everything you did for it are in this conversation, and the files you"
        + " changed are still in the working tree. Carry on from where you stopped, and finish"
        + " the task as it asks.\n";
  }

  /** At most the last {@code max} characters of a text, for a failure message. */
  static String lastChars(String text, int max) {
    return text.length() <= max ? text : "..." + text.substring(text.length() - max);
  }
}
