package dev.braid.starter.config;

import dev.braid.activities.secrets.EnvironmentGrants;
import dev.braid.activities.secrets.SecretNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the names in {@code braid.yaml} that the environment rule and the mask use: {@code env:
 * {checks, setup, notify}}, {@code secrets:} and a tier's {@code env:}. They are names only, never
 * values; braid's own credentials may not be listed, since no child may see them.
 */
final class EnvironmentSection {
  private static final Set<String> ENV_KEYS = Set.of("checks", "setup", "notify");
  private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";

  private EnvironmentSection() {}

  /** The worker-side grants of a config file's top level. */
  static EnvironmentGrants grants(String file, Map<String, Object> root, List<String> problems) {
    Object env = root.get("env");
    Map<?, ?> map = Map.of();
    if (env instanceof Map<?, ?> m) {
      map = m;
      for (Object key : m.keySet()) {
        if (!ENV_KEYS.contains(String.valueOf(key))) {
          problems.add(
              file
                  + ": env."
                  + YamlKinds.key(key)
                  + ": unknown key (known: checks, notify, setup)");
        }
      }
    } else if (env != null) {
      problems.add(
          file
              + ": env: must be a mapping such as {checks: [NPM_TOKEN]}, not "
              + YamlKinds.of(env));
    }
    return new EnvironmentGrants(
        names(file, "env.checks", map.get("checks"), problems),
        names(file, "env.setup", map.get("setup"), problems),
        names(file, "env.notify", map.get("notify"), problems),
        names(file, "secrets", root.get("secrets"), problems));
  }

  /** A list of environment variable names, none of them braid's own. */
  static List<String> names(String file, String field, Object value, List<String> problems) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      problems.add(
          file + ": " + field + ": must be a list of variable names, not " + YamlKinds.of(value));
      return List.of();
    }
    List<String> result = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String name) || !name.matches(NAME)) {
        problems.add(
            file
                + ": "
                + field
                + ": each entry must be a variable name such as MY_KEY, not "
                + YamlKinds.of(item));
      } else if (SecretNames.braidOwn(name)) {
        problems.add(
            file
                + ": "
                + field
                + ": "
                + name
                + " is one of braid's own credentials or settings and never reaches a child");
      } else {
        result.add(name);
      }
    }
    return result;
  }
}
