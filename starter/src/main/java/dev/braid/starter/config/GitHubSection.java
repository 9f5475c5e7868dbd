package dev.braid.starter.config;

import dev.braid.config.GitHubSettings;
import dev.braid.config.MergeMode;
import dev.braid.config.MergeSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code github: {issues: true, watch: true, maxRounds: 3, poll: 30s}}; each of issues and
 * watch needs {@code merge.mode: pr}.
 */
final class GitHubSection {
  private static final Set<String> KEYS = Set.of("issues", "watch", "maxRounds", "poll");

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
        problems.add(
            file
                + ": github."
                + YamlKinds.key(key)
                + ": unknown key (known: issues, maxRounds, poll, watch)");
      }
    }
    boolean issues = flag(file, "issues", map.get("issues"), merge, problems);
    boolean watch = flag(file, "watch", map.get("watch"), merge, problems);
    int maxRounds = GitHubSettings.DEFAULT_MAX_ROUNDS;
    Object rounds = map.get("maxRounds");
    if (rounds != null) {
      if (rounds instanceof Integer n && n >= 1 && n <= 100) {
        maxRounds = n;
      } else {
        problems.add(
            file + ": github.maxRounds: must be a whole number from 1 to 100, not " + rounds);
      }
    }
    long poll = GitHubSettings.DEFAULT_POLL_SECONDS;
    if (map.get("poll") != null) {
      poll = CommandSections.duration(file, "github.poll", map.get("poll"), problems);
      if (poll > GitHubSettings.MAX_POLL_SECONDS) {
        problems.add(
            file
                + ": github.poll: must be at most "
                + GitHubSettings.MAX_POLL_SECONDS / 60
                + "m, the longest wait between two looks at a pull request");
      }
    }
    return new GitHubSettings(issues, watch, maxRounds, poll);
  }

  private static boolean flag(
      String file, String key, Object value, MergeSettings merge, List<String> problems) {
    if (value != null && !(value instanceof Boolean)) {
      problems.add(
          file + ": github." + key + ": must be true or false, not " + YamlKinds.of(value));
      return false;
    }
    boolean on = Boolean.TRUE.equals(value);
    if (on && merge.mode() != MergeMode.PR) {
      problems.add(
          file
              + ": github."
              + key
              + ": needs merge.mode: pr (it works on the tasks' pull requests), not "
              + merge.mode().yamlName());
    }
    return on;
  }
}
