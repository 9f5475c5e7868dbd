package dev.braid.starter.config;

import dev.braid.config.AgentTier;
import dev.braid.config.OnRetry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** Reads the commands of {@code braid.yaml}: the agent tiers, the resolver, setup and checks. */
final class CommandSections {
  private static final Set<String> TIER_KEYS =
      Set.of("name", "command", "preset", "model", "attempts", "timeout", "backoff", "env");

  private CommandSections() {}

  static List<AgentTier> tiers(String file, Object agent, List<String> problems) {
    if (agent == null) {
      return ConfigLoader.defaultTiers();
    }
    if (agent instanceof Map<?, ?> m) {
      for (Object key : m.keySet()) {
        if (!Set.of("tiers", "onRetry", "resolver", "rateLimit").contains(String.valueOf(key))) {
          problems.add(
              file
                  + ": agent."
                  + YamlKinds.key(key)
                  + ": unknown key (known: onRetry, rateLimit, resolver, tiers)");
        }
      }
    }
    Object tiers = agent instanceof Map<?, ?> m ? m.get("tiers") : null;
    if (!(tiers instanceof List<?> list) || list.isEmpty()) {
      problems.add(file + ": agent.tiers: must be a non-empty list of tiers");
      return List.of();
    }
    List<AgentTier> result = tierList(file, "agent.tiers", list, problems);
    long distinct = result.stream().map(AgentTier::name).distinct().count();
    if (distinct != result.size()) {
      problems.add(file + ": agent.tiers: tier names must be unique");
    }
    return result;
  }

  private static List<AgentTier> tierList(
      String file, String field, List<?> list, List<String> problems) {
    List<AgentTier> result = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = field.equals("agent.tiers") ? field + "[" + i + "]" : field;
      if (!(list.get(i) instanceof Map<?, ?> tier)) {
        problems.add(file + ": " + at + ": must be a mapping with name and command or preset");
        continue;
      }
      for (Object key : tier.keySet()) {
        if (!TIER_KEYS.contains(String.valueOf(key))) {
          problems.add(
              file
                  + ": "
                  + at
                  + "."
                  + YamlKinds.key(key)
                  + ": unknown key (known: "
                  + String.join(", ", sorted(TIER_KEYS))
                  + ")");
        }
      }
      Object name = tier.get("name");
      if (!(name instanceof String s) || s.isBlank()) {
        problems.add(file + ": " + at + ".name: must be a non-empty string");
      }
      TierCommand agent = TierCommand.read(file, at, tier, problems);
      List<String> command = agent.command();
      int attempts =
          positiveInt(
              file,
              at + ".attempts",
              tier.containsKey("attempts") ? tier.get("attempts") : 1,
              problems);
      long timeout =
          duration(
              file,
              at + ".timeout",
              tier.containsKey("timeout") ? tier.get("timeout") : "30m",
              problems);
      long backoff =
          duration(
              file,
              at + ".backoff",
              tier.containsKey("backoff") ? tier.get("backoff") : "10s",
              problems);
      List<String> env = EnvironmentSection.names(file, at + ".env", tier.get("env"), problems);
      CommandCheck.placeholders(file, at + ".command", command, problems);
      result.add(
          new AgentTier(
              String.valueOf(name),
              command,
              attempts,
              timeout,
              backoff,
              agent.output(),
              agent.promptOnStdin(),
              env));
    }
    return result;
  }

  /** The optional resolver: a tier like the others, given the conflicting files of a task. */
  static AgentTier resolver(String file, Object agent, List<String> problems) {
    if (!(agent instanceof Map<?, ?> map) || map.get("resolver") == null) {
      return null;
    }
    List<AgentTier> parsed =
        tierList(file, "agent.resolver", List.of(map.get("resolver")), problems);
    return parsed.isEmpty() ? null : parsed.get(0);
  }

  static OnRetry onRetry(String file, Object agent, List<String> problems) {
    if (!(agent instanceof Map<?, ?> map) || map.get("onRetry") == null) {
      return OnRetry.KEEP;
    }
    Object value = map.get("onRetry");
    return OnRetry.parse(String.valueOf(value))
        .orElseGet(
            () -> {
              problems.add(
                  file + ": agent.onRetry: must be keep or reset, not " + YamlKinds.of(value));
              return OnRetry.KEEP;
            });
  }

  static List<List<String>> commands(
      String file, String field, Object value, List<String> problems) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      problems.add(
          file
              + ": "
              + field
              + ": must be a list of commands, each a list of strings, e.g. [[npm, test]]");
      return List.of();
    }
    List<List<String>> result = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      List<String> command = argv(file, field + "[" + i + "]", list.get(i), problems);
      CommandCheck.placeholders(file, field + "[" + i + "]", command, problems);
      result.add(command);
    }
    return result;
  }

  static List<String> argv(String file, String field, Object value, List<String> problems) {
    if (!(value instanceof List<?> list)
        || list.isEmpty()
        || !list.stream()
            .allMatch(v -> v instanceof String || v instanceof Number || v instanceof Boolean)) {
      problems.add(
          file
              + ": "
              + field
              + ": must be a non-empty list of strings (an argv, never a shell string)");
      return List.of();
    }
    return list.stream().map(String::valueOf).toList();
  }

  static int positiveInt(String file, String field, Object value, List<String> problems) {
    if (value instanceof Integer n && n > 0) {
      return n;
    }
    problems.add(
        file + ": " + field + ": must be a whole number of at least 1, not " + YamlKinds.of(value));
    return 1;
  }

  static long duration(String file, String field, Object value, List<String> problems) {
    OptionalLong seconds = DurationText.seconds(value);
    if (seconds.isEmpty()) {
      problems.add(
          file
              + ": "
              + field
              + ": must be a duration such as 90s, 30m or 1h, at most "
              + DurationText.MAX_DAYS
              + " days, not "
              + YamlKinds.of(value));
      return 1;
    }
    return seconds.getAsLong();
  }

  private static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }
}
