package dev.braid.starter.transcript;

/**
 * A fenced code block of a message.
 *
 * @param open the 0-based line of its opening fence
 * @param close the line of its closing fence, or -1 when it is never closed
 * @param info its info string's first word, lower-cased ({@code yaml}, or empty)
 */
record MarkdownFence(int open, int close, String info) {
  boolean closed() {
    return close >= 0;
  }

  /** Whether it is meant as YAML: tagged so, or untagged (models often leave the tag out). */
  boolean yamlLike() {
    return info.isEmpty() || info.equals("yaml") || info.equals("yml");
  }
}
