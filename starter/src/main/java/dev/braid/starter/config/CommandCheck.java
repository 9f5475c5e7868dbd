package dev.braid.starter.config;

import dev.braid.activities.agent.Placeholders;
import java.util.List;

/**
 * Checks a configured command's placeholders when the config is read, so that a typo such as {@code
 * {promt}} or a placeholder inside a shell script is refused before anything starts, not when the
 * first agent runs.
 */
final class CommandCheck {

  private CommandCheck() {}

  static void placeholders(String file, String field, List<String> command, List<String> problems) {
    try {
      Placeholders.validate(command, field);
    } catch (IllegalArgumentException e) {
      problems.add(file + ": " + field + ": " + e.getMessage());
    }
  }
}
