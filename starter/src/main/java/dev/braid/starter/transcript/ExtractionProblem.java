package dev.braid.starter.transcript;

/**
 * One reason a plan cannot be taken out of a message.
 *
 * @param messageLine the 1-based line of the message it is about, or 0 for the whole message
 * @param message what is wrong and what was expected, as a sentence fragment
 */
public record ExtractionProblem(int messageLine, String message) {
  @Override
  public String toString() {
    return messageLine > 0 ? "message line " + messageLine + ": " + message : message;
  }
}
