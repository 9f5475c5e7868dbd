package dev.braid.activities.agent;

import java.time.Duration;

/** Writes a duration the way braid.yaml spells it, such as {@code 5m} or {@code 1h30m}. */
final class HumanDuration {
  private HumanDuration() {}

  static String format(Duration d) {
    long s = Math.max(0, d.toSeconds());
    StringBuilder sb = new StringBuilder();
    if (s >= 3600) {
      sb.append(s / 3600).append('h');
    }
    if (s % 3600 >= 60) {
      sb.append(s % 3600 / 60).append('m');
    }
    if (s % 60 != 0 || s == 0) {
      sb.append(s % 60).append('s');
    }
    return sb.toString();
  }
}
