package dev.braid.starter.config;

import dev.braid.config.GitHubSettings;
import dev.braid.config.MergeMode;
import dev.braid.config.MergeSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code github: {issues: true}}; it needs {@code merge.mode: pr}. */
final class GitHubSection {
  private static final Set<String> KEYS = Set.of("issues");

  private GitHubSection() {}

  static GitHubSettings read(
      String file, Object value, MergeSettings merge, List<String> problems) {
    if (value == null) {
      return GitHubSettings.NONE;
    }
    if (!(value instanceof Map<?, ?> map)) {
      problems.add(
          file + ": github: must be a mapping such as {issues: true}, not " + YamlKinds.of(value));
      return GitHubSettings.NONE;
    }
    for (Object key : map.keySet()) {
      if (!KEYS.contains(String.valueOf(key))) {
        problems.add(file + ": github." + YamlKinds.key(key) + ": unknown key (known: issues)");
      }
    }
    Object issues = map.get("issues");
    if (issues != null && !(issues instanceof Boolean)) {
      problems.add(file + ": github.issues: must be true or false, not " + YamlKinds.of(issues));
      return GitHubSettings.NONE;
    }
    boolean on = Boolean.TRUE.equals(issues);
    if (on && merge.mode() != MergeMode.PR) {
      problems.add(
          file
              + ": github.issues: needs merge.mode: pr (the issues are closed by the tasks' pull"
              + " requests), not "
              + merge.mode().yamlName());
    }
    return new GitHubSettings(on);
  }
}
