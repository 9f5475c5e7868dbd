package dev.braid.starter.config;

import dev.braid.config.BraidConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code copyFiles:} the untracked files of the main checkout (such as {@code .env}) copied into
 * each new worktree. Paths are relative to the repository's root and may not leave it.
 */
final class CopyFilesSetting {
  private CopyFilesSetting() {}

  static List<String> read(String file, Map<String, Object> root, List<String> problems) {
    if (!root.containsKey("copyFiles")) {
      return BraidConfig.DEFAULT_COPY_FILES;
    }
    if (!(root.get("copyFiles") instanceof List<?> list)) {
      problems.add(file + ": copyFiles: must be a list of paths, such as [.env, .env.local]");
      return List.of();
    }
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object value = list.get(i);
      String path = value instanceof String s ? s.strip() : "";
      if (path.isEmpty()
          || path.startsWith("/")
          || List.of(path.split("/")).contains("..")
          || path.equals(".git")
          || path.startsWith(".git/")) {
        problems.add(
            file
                + ": copyFiles["
                + i
                + "]: must be a path inside the repository, not '"
                + value
                + "'");
        continue;
      }
      paths.add(path);
    }
    return List.copyOf(paths);
  }
}
