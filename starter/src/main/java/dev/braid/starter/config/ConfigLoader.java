package dev.braid.starter.config;

import dev.braid.config.AgentPreset;
import dev.braid.config.AgentTier;
import dev.braid.config.BraidConfig;
import dev.braid.config.MergeSettings;
import dev.braid.config.OnRetry;
import dev.braid.config.OverlapPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
          "env",
          "secrets",
          "copyFiles",
          "hostWait",
          "budget",
          "overlap",
          "github");

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
    Map<String, Object> root = root(file, explicit);
    List<String> problems = new ArrayList<>();
    String name = file.getFileName().toString();
    for (String key : root.keySet()) {
      if (!TOP_KEYS.contains(key)) {
        problems.add(
            name
                + ": "
                + YamlKinds.key(key)
                + ": unknown key (known: "
                + String.join(", ", sorted(TOP_KEYS))
                + ")");
      }
    }
    List<AgentTier> tiers = CommandSections.tiers(name, root.get("agent"), problems);
    OnRetry onRetry = CommandSections.onRetry(name, root.get("agent"), problems);
    AgentTier resolver = CommandSections.resolver(name, root.get("agent"), problems);
    List<String> notify =
        root.get("notify") == null
            ? List.of()
            : CommandSections.argv(name, "notify", root.get("notify"), problems);
    List<List<String>> setup = CommandSections.commands(name, "setup", root.get("setup"), problems);
    List<List<String>> checks =
        CommandSections.commands(name, "checks", root.get("checks"), problems);
    int maxParallel =
        CommandSections.positiveInt(
            name, "maxParallel", root.getOrDefault("maxParallel", 4), problems);
    MergeSettings merge = MergeSection.read(name, root.get("merge"), defaultTarget, problems);
    EnvironmentSection.grants(name, root, problems);
    List<String> copyFiles = CopyFilesSetting.read(name, root, problems);
    var rateLimit = RateLimitSection.read(name, root.get("agent"), problems);
    var budget = BudgetSection.read(name, root.get("budget"), problems);
    long hostWait =
        root.get("hostWait") == null
            ? BraidConfig.DEFAULT_HOST_WAIT_SECONDS
            : CommandSections.duration(name, "hostWait", root.get("hostWait"), problems);
    OverlapPolicy overlap = overlap(name, root.get("overlap"), problems);
    var github = GitHubSection.read(name, root.get("github"), merge, problems);
    if (maxParallel > MAX_PARALLEL) {
      problems.add(name + ": maxParallel: must be at most " + MAX_PARALLEL + TOO_PARALLEL);
    }
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
      merge = merge.withMode(overrides.mergeMode());
    }
    if (overrides.overlap() != null) {
      overlap = overrides.overlap();
    }
    Object cleanupValue = root.getOrDefault("cleanup", false);
    if (!(cleanupValue instanceof Boolean)) {
      throw new ConfigException(
          List.of(name + ": cleanup: must be true or false, not " + YamlKinds.of(cleanupValue)));
    }
    return new BraidConfig(
        tiers,
        setup,
        checks,
        maxParallel,
        merge,
        onRetry,
        // Checked above, but kept out of the run's input: the worker reads it from its own file.
        List.of(),
        resolver,
        (Boolean) cleanupValue,
        hostWait,
        copyFiles,
        rateLimit,
        budget,
        overlap,
        github);
  }

  private static OverlapPolicy overlap(String name, Object value, List<String> problems) {
    if (value == null) {
      return OverlapPolicy.DEFAULT;
    }
    Optional<OverlapPolicy> policy =
        value instanceof String text ? OverlapPolicy.parse(text) : Optional.empty();
    if (policy.isEmpty()) {
      problems.add(
          name + ": overlap: must be serialize, warn or ignore, not " + YamlKinds.of(value));
    }
    return policy.orElse(OverlapPolicy.DEFAULT);
  }

  /** The cascade braid uses when {@code braid.yaml} names none: Claude Code, Haiku then Sonnet. */
  public static List<AgentTier> defaultTiers() {
    return List.of(
        AgentPreset.CLAUDE_CODE.tier("fast", "haiku", 2, 30 * 60, 10),
        AgentPreset.CLAUDE_CODE.tier("strong", "sonnet", 1, 45 * 60, 10));
  }

  /**
   * The worker's side of the environment rule, from the same file: {@code env:} and {@code
   * secrets:}. They stay out of workflow payloads; the worker reads them itself.
   */
  public static dev.braid.activities.secrets.EnvironmentGrants grants(Path file, boolean explicit) {
    List<String> problems = new ArrayList<>();
    var grants =
        EnvironmentSection.grants(file.getFileName().toString(), root(file, explicit), problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return grants;
  }

  /**
   * The worker's {@code notify} command, from the same file. It never travels in a workflow's
   * input, since a webhook's URL or token in it would be in every start event.
   */
  public static List<String> notifyCommand(Path file, boolean explicit) {
    List<String> problems = new ArrayList<>();
    Object value = root(file, explicit).get("notify");
    List<String> argv =
        value == null
            ? List.of()
            : CommandSections.argv(file.getFileName().toString(), "notify", value, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return argv;
  }

  /**
   * Only the {@code overlap} setting, for the plan commands, which read no other: the default when
   * the file does not exist.
   */
  public static OverlapPolicy overlapPolicy(Path file) {
    List<String> problems = new ArrayList<>();
    OverlapPolicy policy =
        overlap(file.getFileName().toString(), root(file, false).get("overlap"), problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return policy;
  }

  private static Map<String, Object> root(Path file, boolean explicit) {
    if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return ConfigFile.parse(file);
    }
    if (explicit) {
      throw new ConfigException(List.of(file + ": file not found"));
    }
    return Map.of();
  }

  private static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }
}
