package dev.braid.starter.report;

import java.util.Locale;

/** How the report writes its figures for humans; JSON keeps the raw numbers. */
final class Figures {
  private Figures() {}

  /** {@code 4.2s}, {@code 3m07s}, {@code 1h02m}; a dash when unknown. */
  static String duration(Long millis) {
    if (millis == null) {
      return "-";
    }
    long seconds = millis / 1000;
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
  }

  /** {@code 2.06x}. */
  static String times(double ratio) {
    return String.format(Locale.ROOT, "%.2fx", ratio);
  }

  /** {@code 85%}. */
  static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
  }

  /** {@code $0.0123}, or {@code unknown}. */
  static String cost(Double usd) {
    return usd == null ? "unknown" : String.format(Locale.ROOT, "$%.4f", usd);
  }

  /** A count, or {@code unknown}. */
  static String count(Long n) {
    return n == null ? "unknown" : String.valueOf(n);
  }

  /** The first eight characters of a commit, or a dash. */
  static String shortCommit(String commit) {
    return commit == null ? "-" : commit.substring(0, Math.min(8, commit.length()));
  }
}
