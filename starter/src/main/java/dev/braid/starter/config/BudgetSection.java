package dev.braid.starter.config;

import dev.braid.config.BudgetSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code budget: {perTask: 2.00, perRun: 20.00}}, in US dollars, from the cost the agents
 * report.
 */
final class BudgetSection {
  private static final Set<String> KEYS = Set.of("perTask", "perRun");

  /** A budget beyond any plausible run, so a typo with extra zeros is caught. */
  static final double MAX_USD = 1_000_000;

  private BudgetSection() {}

  static BudgetSettings read(String file, Object value, List<String> problems) {
    if (value == null) {
      return BudgetSettings.NONE;
    }
    if (!(value instanceof Map<?, ?> map)) {
      problems.add(
          file
              + ": budget: must be a mapping such as {perTask: 2.00, perRun: 20.00}, not "
              + YamlKinds.of(value));
      return BudgetSettings.NONE;
    }
    for (Object key : map.keySet()) {
      if (!KEYS.contains(String.valueOf(key))) {
        problems.add(
            file + ": budget." + YamlKinds.key(key) + ": unknown key (known: perRun, perTask)");
      }
    }
    return new BudgetSettings(
        dollars(file, "budget.perTask", map.get("perTask"), problems),
        dollars(file, "budget.perRun", map.get("perRun"), problems));
  }

  private static Double dollars(String file, String field, Object value, List<String> problems) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && n.doubleValue() > 0 && n.doubleValue() <= MAX_USD) {
      return n.doubleValue();
    }
    problems.add(
        file
            + ": "
            + field
            + ": must be an amount in US dollars, more than 0 and at most 1000000, not "
            + YamlKinds.of(value));
    return null;
  }
}
