package dev.braid.starter.config;

import dev.braid.config.AgentPreset;
import dev.braid.config.AgentTier;
import dev.braid.config.BraidConfig;
import dev.braid.config.MergeMode;
import dev.braid.config.MergeSettings;
import dev.braid.config.OnRetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code braid.yaml}. Every problem is collected and reported at once, each naming the file
 * and the field, so that one edit fixes them all.
 */
public final class ConfigLoader {
  private static final Set<String> TOP_KEYS =
      Set.of(
          "agent",
          "setup",
          "checks",
          "maxParallel",
          "merge",
          "notify",
          "cleanup",
          "copyFiles",
          "hostWait");
  private static final Set<String> TIER_KEYS =
      Set.of("name", "command", "preset", "model", "attempts", "timeout", "backoff");

  /**
   * Each running task is a pending child workflow of the run, and Temporal allows 2,000; half of it
   * leaves room for the tasks that wait for the merge queue.
   */
  static final int MAX_PARALLEL = 1_000;

  private static final String TOO_PARALLEL =
      " (each running task is a child workflow; Temporal allows 2,000 pending at once)";

  private ConfigLoader() {}

  /**
   * Reads the file, or returns the defaults when it does not exist and was not asked for by name.
   *
   * @param file the config file
   * @param explicit whether the user named it with {@code --config}; then it must exist
   * @param defaultTarget the branch to merge into when the file does not say
   */
  public static BraidConfig load(
      Path file, boolean explicit, String defaultTarget, ConfigOverrides overrides) {
    Map<String, Object> root = Map.of();
    if (Files.exists(file)) {
      root = parse(file);
    } else if (explicit) {
      throw new ConfigException(List.of(file + ": file not found"));
    }
    List<String> problems = new ArrayList<>();
    String name = file.getFileName().toString();
    for (String key : root.keySet()) {
      if (!TOP_KEYS.contains(key)) {
        problems.add(
            name
                + ": "
                + key
                + ": unknown key (known: "
                + String.join(", ", sorted(TOP_KEYS))
                + ")");
      }
    }
    List<AgentTier> tiers = tiers(name, root.get("agent"), problems);
    OnRetry onRetry = onRetry(name, root.get("agent"), problems);
    AgentTier resolver = resolver(name, root.get("agent"), problems);
    List<String> notify =
        root.get("notify") == null ? List.of() : argv(name, "notify", root.get("notify"), problems);
    List<List<String>> setup = commands(name, "setup", root.get("setup"), problems);
    List<List<String>> checks = commands(name, "checks", root.get("checks"), problems);
    int maxParallel =
        positiveInt(name, "maxParallel", root.getOrDefault("maxParallel", 4), problems);
    MergeSettings merge = merge(name, root.get("merge"), defaultTarget, problems);
    List<String> copyFiles = CopyFilesSetting.read(name, root, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    if (overrides.maxParallel() != null) {
      if (overrides.maxParallel() < 1 || overrides.maxParallel() > MAX_PARALLEL) {
        throw new ConfigException(
            List.of("--max-parallel: must be from 1 to " + MAX_PARALLEL + TOO_PARALLEL));
      }
      maxParallel = overrides.maxParallel();
    }
    if (overrides.mergeMode() != null) {
      merge =
          new MergeSettings(
              overrides.mergeMode(),
              merge.target(),
              merge.remote(),
              merge.repository(),
              merge.apiUrl());
    }
    Object cleanupValue = root.getOrDefault("cleanup", false);
    if (!(cleanupValue instanceof Boolean)) {
      throw new ConfigException(
          List.of(name + ": cleanup: must be true or false, not '" + cleanupValue + "'"));
    }
    Object hostWaitValue = root.get("hostWait");
    long hostWait =
        hostWaitValue == null
            ? BraidConfig.DEFAULT_HOST_WAIT_SECONDS
            : duration(name, "hostWait", hostWaitValue, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new BraidConfig(
        tiers,
        setup,
        checks,
        maxParallel,
        merge,
        onRetry,
        notify,
        resolver,
        (Boolean) cleanupValue,
        hostWait,
        copyFiles);
  }

  /** The cascade braid uses when {@code braid.yaml} names none: Claude Code, Haiku then Sonnet. */
  public static List<AgentTier> defaultTiers() {
    return List.of(
        AgentPreset.CLAUDE_CODE.tier("fast", "haiku", 2, 30 * 60, 10),
        AgentPreset.CLAUDE_CODE.tier("strong", "sonnet", 1, 45 * 60, 10));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(Path file) {
    try {
      Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
      if (doc == null) {
        return Map.of();
      }
      if (!(doc instanceof Map)) {
        throw new ConfigException(List.of(file + ": the top level must be a mapping"));
      }
      return (Map<String, Object>) doc;
    } catch (YAMLException e) {
      throw new ConfigException(List.of(file + ": not valid YAML: " + e.getMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static List<AgentTier> tiers(String file, Object agent, List<String> problems) {
    if (agent == null) {
      return defaultTiers();
    }
    if (agent instanceof Map<?, ?> m) {
      for (Object key : m.keySet()) {
        if (!Set.of("tiers", "onRetry", "resolver").contains(String.valueOf(key))) {
          problems.add(file + ": agent." + key + ": unknown key (known: onRetry, resolver, tiers)");
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
                  + key
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
      result.add(
          new AgentTier(
              String.valueOf(name),
              agent.command(),
              attempts,
              timeout,
              backoff,
              agent.output(),
              agent.promptOnStdin()));
    }
    return result;
  }

  /** The optional resolver: a tier like the others, given the conflicting files of a task. */
  private static AgentTier resolver(String file, Object agent, List<String> problems) {
    if (!(agent instanceof Map<?, ?> map) || map.get("resolver") == null) {
      return null;
    }
    List<AgentTier> parsed =
        tierList(file, "agent.resolver", List.of(map.get("resolver")), problems);
    return parsed.isEmpty() ? null : parsed.get(0);
  }

  private static OnRetry onRetry(String file, Object agent, List<String> problems) {
    if (!(agent instanceof Map<?, ?> map) || map.get("onRetry") == null) {
      return OnRetry.KEEP;
    }
    Object value = map.get("onRetry");
    return OnRetry.parse(String.valueOf(value))
        .orElseGet(
            () -> {
              problems.add(file + ": agent.onRetry: must be keep or reset, not '" + value + "'");
              return OnRetry.KEEP;
            });
  }

  private static List<List<String>> commands(
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
      result.add(argv(file, field + "[" + i + "]", list.get(i), problems));
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

  private static int positiveInt(String file, String field, Object value, List<String> problems) {
    if (value instanceof Integer n && n > 0) {
      return n;
    }
    problems.add(
        file + ": " + field + ": must be a whole number of at least 1, not '" + value + "'");
    return 1;
  }

  private static long duration(String file, String field, Object value, List<String> problems) {
    OptionalLong seconds = DurationText.seconds(value);
    if (seconds.isEmpty()) {
      problems.add(
          file + ": " + field + ": must be a duration such as 90s, 30m or 1h, not '" + value + "'");
      return 1;
    }
    return seconds.getAsLong();
  }

  private static MergeSettings merge(
      String file, Object value, String defaultTarget, List<String> problems) {
    MergeSettings defaults = new MergeSettings(MergeMode.DIRECT, defaultTarget, "origin");
    if (value == null) {
      return defaults;
    }
    if (!(value instanceof Map<?, ?> map)) {
      problems.add(
          file + ": merge: must be a mapping such as {mode: direct, target: main, remote: origin}");
      return defaults;
    }
    MergeMode mode = MergeMode.DIRECT;
    if (map.containsKey("mode")) {
      mode = MergeMode.parse(String.valueOf(map.get("mode"))).orElse(null);
      if (mode == null) {
        problems.add(
            file + ": merge.mode: must be direct, pr or none, not '" + map.get("mode") + "'");
        mode = MergeMode.DIRECT;
      }
    }
    String target = map.containsKey("target") ? String.valueOf(map.get("target")) : defaultTarget;
    String remote = map.containsKey("remote") ? String.valueOf(map.get("remote")) : "origin";
    for (Object key : map.keySet()) {
      if (!Set.of("mode", "target", "remote", "repository", "apiUrl")
          .contains(String.valueOf(key))) {
        problems.add(
            file
                + ": merge."
                + key
                + ": unknown key (known: apiUrl, mode, remote, repository, target)");
      }
    }
    String repository =
        map.get("repository") == null ? null : String.valueOf(map.get("repository"));
    if (repository != null && !repository.matches("[A-Za-z0-9._-]+/[A-Za-z0-9._-]+")) {
      problems.add(file + ": merge.repository: must be owner/name, not '" + repository + "'");
    }
    String apiUrl = map.get("apiUrl") == null ? null : String.valueOf(map.get("apiUrl"));
    return new MergeSettings(mode, target, remote, repository, apiUrl);
  }

  private static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }
}
