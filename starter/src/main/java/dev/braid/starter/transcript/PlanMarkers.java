package dev.braid.starter.transcript;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What makes an assistant message a plan, as Contextune's {@code /ctx:plan} writes it: the marker
 * {@code **Type:** Plan} and a {@code Plan Structure} heading. Both are needed, so a message that
 * only talks about plans is not taken for one.
 */
final class PlanMarkers {
  /** {@code **Type:** Plan}, and the {@code **Type**: Plan} that models write as often. */
  private static final Pattern TYPE = Pattern.compile("\\*\\*Type:?\\*\\*:?[ \\t]*Plan\\b");

  /** A heading's text that names the Plan Structure, after any emoji. */
  static final Pattern STRUCTURE_TITLE = Pattern.compile("(?i)^[^A-Za-z]*plan structure\\b.*");

  private PlanMarkers() {}

  /**
   * Whether a message's text holds a plan. The heading must be a real one, outside code blocks: a
   * message that shows the format in a code block (explaining it, say) is no plan.
   */
  static boolean isPlan(String text) {
    if (!TYPE.matcher(text).find()) {
      return false;
    }
    MarkdownLines md = new MarkdownLines(text);
    for (int i = 0; i < md.size(); i++) {
      if (md.heading(i).filter(h -> STRUCTURE_TITLE.matcher(h.text()).matches()).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a transcript line may hold a plan, before it is parsed as JSON: the words appear as
   * they are in the JSON text, since JSON escapes neither '*' nor letters. The heading is looked
   * for in any case, as {@link #STRUCTURE_TITLE} matches it: a case-sensitive look here would pass
   * over a {@code ## Plan structure} the full check accepts.
   */
  static boolean mayHoldPlan(String line) {
    return line.contains("Type") && line.toLowerCase(Locale.ROOT).contains("plan structure");
  }
}
