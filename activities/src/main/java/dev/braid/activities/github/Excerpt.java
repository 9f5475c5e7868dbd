package dev.braid.activities.github;

/**
 * Cuts text that came from GitHub to a bounded length, because it enters the workflow history and
 * the agent's prompt, and a CI log can be megabytes.
 */
final class Excerpt {
  private Excerpt() {}

  /** The start of the text, for bodies and summaries, where the point is made first. */
  static String head(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max) + "\n[... cut]";
  }

  /** The end of the text, for logs, where a failure's cause is printed last. */
  static String tail(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : "[cut ...]\n" + text.substring(text.length() - max);
  }
}
