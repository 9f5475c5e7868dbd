package dev.braid.activities.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds when a usage limit lifts in the words an agent printed about it. The CLIs say it in two
 * ways: Claude Code appends the reset's epoch seconds ({@code ...usage limit reached|1760000000}),
 * and Codex gives a delay ({@code try again in 2 hours 5 minutes}). Anything else is unknown, and
 * the caller's backoff applies: a guessed time would be worse than none.
 */
final class ResetTimes {
  private static final Pattern EPOCH_SECONDS =
      Pattern.compile("(?i)(?:limit reached|resets?(?: at)?)\\s*[|:]?\\s*(\\d{10})\\b");
  private static final Pattern DELAY =
      Pattern.compile(
          "(?i)try again in\\s+(?:(\\d+)\\s*days?)?[ ,]*(?:(\\d+)\\s*hours?)?[ ,]*"
              + "(?:(\\d+)\\s*min(?:ute)?s?)?[ ,]*(?:(\\d+)\\s*sec(?:ond)?s?)?");

  private ResetTimes() {}

  /** The reset time in epoch milliseconds, or null when the text names none. */
  static Long in(String text, Instant now) {
    if (text == null) {
      return null;
    }
    Matcher epoch = EPOCH_SECONDS.matcher(text);
    if (epoch.find()) {
      return Long.parseLong(epoch.group(1)) * 1000;
    }
    Matcher delay = DELAY.matcher(text);
    if (delay.find()) {
      Duration d =
          Duration.ofDays(number(delay.group(1)))
              .plusHours(number(delay.group(2)))
              .plusMinutes(number(delay.group(3)))
              .plusSeconds(number(delay.group(4)));
      return d.isZero() ? null : now.plus(d).toEpochMilli();
    }
    return null;
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }
}
