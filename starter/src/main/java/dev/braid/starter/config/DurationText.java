package dev.braid.starter.config;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people write them in YAML: {@code 90s}, {@code 30m}, {@code 1h}, {@code
 * 1h30m}.
 */
final class DurationText {
  private static final Pattern PART = Pattern.compile("(\\d{1,9})([hms])");

  /**
   * The longest duration accepted: longer than any agent or backoff needs, and far from the
   * overflow of seconds, milliseconds or nanoseconds in the code that uses it.
   */
  static final long MAX_DAYS = 30;

  private static final long MAX_SECONDS = MAX_DAYS * 24 * 3600;

  private DurationText() {}

  /**
   * Seconds, or empty when the text is not a duration or is longer than {@link #MAX_DAYS} days. A
   * bare whole number counts as seconds; a fraction or {@code 1e300} is not a duration.
   */
  static OptionalLong seconds(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      long n = ((Number) value).longValue();
      return n > 0 && n <= MAX_SECONDS ? OptionalLong.of(n) : OptionalLong.empty();
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
    return end == compact.length() && total > 0 && total <= MAX_SECONDS
        ? OptionalLong.of(total)
        : OptionalLong.empty();
  }
}
