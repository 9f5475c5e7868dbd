package dev.braid.activities.agent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task body split into its title (the first level-one heading, when it opens the body) and the
 * rest. A body without one has no title but its text.
 *
 * @param title the heading's text, or null
 * @param rest the body without that heading
 */
record TaskHeading(String title, String rest) {
  private static final Pattern FIRST_HEADING =
      Pattern.compile("\\A\\s*#[ \\t]+([^\\n]*?)[ \\t#]*(\\n|\\z)");

  static TaskHeading of(String body) {
    Matcher m = FIRST_HEADING.matcher(body);
    if (m.find() && !m.group(1).isBlank()) {
      return new TaskHeading(m.group(1).strip(), body.substring(m.end()));
    }
    return new TaskHeading(null, body);
  }
}
