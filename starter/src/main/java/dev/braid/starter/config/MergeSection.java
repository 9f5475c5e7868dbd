package dev.braid.starter.config;

import dev.braid.config.MergeMode;
import dev.braid.config.MergeSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code merge:}. Its values reach git's command line and GitHub's API, so each is checked
 * for what it must be: a branch name, a remote's name, {@code owner/name}, an https URL.
 */
final class MergeSection {
  private static final Set<String> KEYS =
      Set.of("mode", "target", "remote", "repository", "apiUrl", "batch", "parallelChecks");
  private static final String REMOTE_NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";
  private static final String REPOSITORY = "[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+";

  private MergeSection() {}

  static MergeSettings read(
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
    for (Object key : map.keySet()) {
      if (!KEYS.contains(String.valueOf(key))) {
        problems.add(
            file
                + ": merge."
                + YamlKinds.key(key)
                + ": unknown key (known: apiUrl, batch, mode, parallelChecks, remote, repository,"
                + " target)");
      }
    }
    MergeMode mode = MergeMode.DIRECT;
    if (map.containsKey("mode")) {
      mode = MergeMode.parse(String.valueOf(map.get("mode"))).orElse(null);
      if (mode == null) {
        problems.add(
            file
                + ": merge.mode: must be direct, pr or none, not "
                + YamlKinds.of(map.get("mode")));
        mode = MergeMode.DIRECT;
      }
    }
    String target = defaultTarget;
    if (map.containsKey("target")) {
      target = text(file, "merge.target", map.get("target"), problems);
      if (target != null && !BranchNames.valid(target)) {
        problems.add(
            file
                + ": merge.target: must be a branch name (no leading '-', no '..', no spaces or"
                + " control characters, as git check-ref-format requires), not "
                + YamlKinds.of(target));
      }
    }
    String remote = "origin";
    if (map.containsKey("remote")) {
      remote = text(file, "merge.remote", map.get("remote"), problems);
      if (remote != null && !remote.matches(REMOTE_NAME)) {
        // A URL here would carry credentials into logs and history; the remote's name does not.
        problems.add(
            file
                + ": merge.remote: must be the name of a git remote, such as origin (a URL is"
                + " refused: add it with git remote add), not "
                + (remote.contains("://") || remote.contains("@")
                    ? "a URL"
                    : YamlKinds.of(remote)));
      }
    }
    String repository = null;
    if (map.get("repository") != null) {
      repository = text(file, "merge.repository", map.get("repository"), problems);
      if (repository != null && (!repository.matches(REPOSITORY) || repository.contains(".."))) {
        problems.add(
            file + ": merge.repository: must be owner/name, not " + YamlKinds.of(repository));
      }
    }
    String apiUrl = null;
    if (map.get("apiUrl") != null) {
      apiUrl = text(file, "merge.apiUrl", map.get("apiUrl"), problems);
      if (apiUrl != null && !apiUrl.matches("https://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\\s]*)?")) {
        problems.add(file + ": merge.apiUrl: must be an https:// URL, not " + YamlKinds.of(apiUrl));
      }
    }
    int batch = MergeSettings.DEFAULT_BATCH;
    if (map.containsKey("batch")) {
      batch = CommandSections.positiveInt(file, "merge.batch", map.get("batch"), problems);
      if (batch > MergeSettings.MAX_BATCH) {
        problems.add(
            file + ": merge.batch: must be at most " + MergeSettings.MAX_BATCH + ", not " + batch);
      }
    }
    int parallelChecks = MergeSettings.DEFAULT_PARALLEL_CHECKS;
    if (map.containsKey("parallelChecks")) {
      parallelChecks =
          CommandSections.positiveInt(
              file, "merge.parallelChecks", map.get("parallelChecks"), problems);
      if (parallelChecks > MergeSettings.MAX_PARALLEL_CHECKS) {
        problems.add(
            file
                + ": merge.parallelChecks: must be at most "
                + MergeSettings.MAX_PARALLEL_CHECKS
                + ", not "
                + parallelChecks);
      }
    }
    return new MergeSettings(mode, target, remote, repository, apiUrl, batch, parallelChecks);
  }

  private static String text(String file, String field, Object value, List<String> problems) {
    if (value instanceof String s && !s.isBlank()) {
      return s;
    }
    problems.add(file + ": " + field + ": must be a non-empty string, not " + YamlKinds.of(value));
    return null;
  }
}
