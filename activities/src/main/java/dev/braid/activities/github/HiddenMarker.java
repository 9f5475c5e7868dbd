package dev.braid.activities.github;

/**
 * The hidden HTML comments braid leaves in what it writes on GitHub, so it can find its issue or
 * comment again: GitHub renders nothing for them, and a human editing the text rarely touches them.
 */
final class HiddenMarker {
  /** The label every task issue carries, so finding one lists braid's issues only. */
  static final String ISSUE_LABEL = "braid";

  private HiddenMarker() {}

  static String issue(String key) {
    return "<!-- braid:issue " + clean(key) + " -->";
  }

  static String comment(String key) {
    return "<!-- braid:comment " + clean(key) + " -->";
  }

  /** The text with the marker on a line of its own at its end, unless it is there already. */
  static String appendTo(String text, String marker) {
    String body = text == null ? "" : text.stripTrailing();
    return body.contains(marker) ? body : body + "\n\n" + marker + "\n";
  }

  static boolean in(String text, String marker) {
    return text != null && text.contains(marker);
  }

  /** A key cannot end the comment early nor span lines. */
  private static String clean(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("a marker needs a key");
    }
    return key.strip().replace("--", "-").replace('>', ')').replaceAll("\\s+", "_");
  }
}
