package dev.braid.starter.config;

import dev.braid.config.RateLimitSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code agent.rateLimit: {wait: 1m, maxWait: 30m}}: how a task waits out its agent's rate
 * limit when the agent names no reset time.
 */
final class RateLimitSection {
  private static final Set<String> KEYS = Set.of("wait", "maxWait");

  private RateLimitSection() {}

  static RateLimitSettings read(String file, Object agent, List<String> problems) {
    if (!(agent instanceof Map<?, ?> map) || map.get("rateLimit") == null) {
      return RateLimitSettings.DEFAULTS;
    }
    if (!(map.get("rateLimit") instanceof Map<?, ?> section)) {
      problems.add(
          file
              + ": agent.rateLimit: must be a mapping such as {wait: 1m, maxWait: 30m}, not "
              + YamlKinds.of(map.get("rateLimit")));
      return RateLimitSettings.DEFAULTS;
    }
    for (Object key : section.keySet()) {
      if (!KEYS.contains(String.valueOf(key))) {
        problems.add(
            file
                + ": agent.rateLimit."
                + YamlKinds.key(key)
                + ": unknown key (known: maxWait, wait)");
      }
    }
    long wait =
        section.get("wait") == null
            ? RateLimitSettings.DEFAULT_WAIT_SECONDS
            : CommandSections.duration(file, "agent.rateLimit.wait", section.get("wait"), problems);
    long maxWait =
        section.get("maxWait") == null
            ? Math.max(wait, RateLimitSettings.DEFAULT_MAX_WAIT_SECONDS)
            : CommandSections.duration(
                file, "agent.rateLimit.maxWait", section.get("maxWait"), problems);
    if (maxWait < wait) {
      problems.add(file + ": agent.rateLimit.maxWait: must be at least wait");
    }
    return new RateLimitSettings(wait, maxWait);
  }
}
