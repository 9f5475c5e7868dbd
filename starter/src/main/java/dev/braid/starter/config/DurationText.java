package dev.braid.starter.config;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people write them in YAML: {@code 90s}, {@code 30m}, {@code 1h}, {@code
 * 1h30m}.
 */
final class DurationText {
  private static final Pattern PART = Pattern.compile("(\\d+)([hms])");

  private DurationText() {}

  /** Seconds, or empty when the text is not a duration. A bare number counts as seconds. */
  static OptionalLong seconds(Object value) {
    if (value instanceof Number n) {
      return n.longValue() > 0 ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
    }
    if (!(value instanceof String text) || text.isBlank()) {
      return OptionalLong.empty();
    }
    String compact = text.trim().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
    Matcher m = PART.matcher(compact);
    long total = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        return OptionalLong.empty();
      }
      long n = Long.parseLong(m.group(1));
      total +=
          switch (m.group(2)) {
            case "h" -> n * 3600;
            case "m" -> n * 60;
            default -> n;
          };
      end = m.end();
    }
    return end == compact.length() && total > 0 ? OptionalLong.of(total) : OptionalLong.empty();
  }
}
