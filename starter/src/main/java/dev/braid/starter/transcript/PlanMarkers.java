package dev.braid.starter.transcript;

import java.util.regex.Pattern;

/**
 * What makes an assistant message a plan, as Contextune's {@code /ctx:plan} writes it: the marker
 * {@code **Type:** Plan} and a {@code Plan Structure} heading. Both are needed, so a message that
 * only talks about plans is not taken for one.
 */
final class PlanMarkers {
  /** {@code **Type:** Plan}, and the {@code **Type**: Plan} that models write as often. */
  private static final Pattern TYPE = Pattern.compile("\\*\\*Type:?\\*\\*:?[ \\t]*Plan\\b");

  /** A Markdown heading of any level whose text is "Plan Structure", after any emoji. */
  static final Pattern STRUCTURE_HEADING =
      Pattern.compile("(?im)^[ ]{0,3}#{1,6}[ \\t]+[^A-Za-z\\n]*Plan Structure\\b.*$");

  private PlanMarkers() {}

  /** Whether a message's text holds a plan. */
  static boolean isPlan(String text) {
    return TYPE.matcher(text).find() && STRUCTURE_HEADING.matcher(text).find();
  }

  /**
   * Whether a transcript line may hold a plan, before it is parsed as JSON: the words appear as
   * they are in the JSON text, since JSON escapes neither '*' nor letters.
   */
  static boolean mayHoldPlan(String line) {
    return line.contains("Plan Structure") && line.contains("Type");
  }
}
