package dev.braid.starter.transcript;

import java.nio.file.Path;

/**
 * The assistant message of a transcript that holds a plan.
 *
 * @param transcript the transcript file
 * @param line the message's record: its 1-based line in the transcript
 * @param text the message's text blocks, joined by line breaks
 * @param plansSeen how many messages of the transcript held a plan; this one is the last
 */
public record PlanMessage(Path transcript, int line, String text, int plansSeen) {

  /** Where the message is, as {@code file:line}, the way compilers point at a place. */
  public String where() {
    return transcript + ":" + line;
  }
}
