package dev.braid.starter.config;

import java.util.List;
import java.util.Map;

/**
 * Describes a YAML value by its kind, for error messages: a value may be huge, hold control
 * characters or be a recursive structure, so it is never printed whole.
 */
final class YamlKinds {
  private static final int SHOWN = 40;

  private YamlKinds() {}

  /** {@code 'text'} for a short plain scalar, else its kind: a mapping, a list, a long string. */
  static String of(Object value) {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    String text = String.valueOf(value);
    if (text.length() > SHOWN || !text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return "a " + kind(value) + " of " + text.length() + " characters";
    }
    return "'" + text + "'";
  }

  /** A mapping key as it may be shown in a field path. */
  static String key(Object key) {
    String text = String.valueOf(key);
    return key instanceof String
            && text.length() <= SHOWN
            && text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
        ? text
        : "<" + of(key) + ">";
  }

  private static String kind(Object value) {
    if (value instanceof Boolean) {
      return "boolean";
    }
    return value instanceof Number ? "number" : "string";
  }
}
