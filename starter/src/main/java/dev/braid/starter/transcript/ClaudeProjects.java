package dev.braid.starter.transcript;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where Claude Code keeps its session transcripts: {@code <config dir>/projects/<folder>/<session
 * id>.jsonl}, the config dir being {@code $CLAUDE_CONFIG_DIR} or {@code ~/.claude}, and the folder
 * the session's working directory with every character other than a letter or digit replaced by
 * {@code -} (so {@code /src/my.app} is {@code -src-my-app}). That is the rule of Claude Code
 * 2.1.332's own code, wider than the "every / becomes -" that Contextune's script assumes, which
 * misses any path with a dot or an underscore.
 */
public final class ClaudeProjects {
  /**
   * The longest folder name Claude Code writes as is; it cuts a longer one there and adds a hash of
   * its own, which braid does not recompute but matches by this prefix.
   */
  static final int MAX_FOLDER_NAME = 200;

  private ClaudeProjects() {}

  /** The folder holding every project's transcripts. */
  public static Path root(Map<String, String> env) {
    String configDir = env.get("CLAUDE_CONFIG_DIR");
    Path base =
        configDir != null && !configDir.isBlank()
            ? Path.of(configDir)
            : Path.of(System.getProperty("user.home"), ".claude");
    return base.resolve("projects");
  }

  /** The folder of a working directory's transcripts (which may not exist). */
  public static Path folder(Path root, Path workingDirectory) {
    String name = folderName(workingDirectory);
    if (name.length() <= MAX_FOLDER_NAME) {
      return root.resolve(name);
    }
    String prefix = name.substring(0, MAX_FOLDER_NAME) + "-";
    try (Stream<Path> folders = Files.list(root)) {
      return folders
          .filter(f -> f.getFileName().toString().startsWith(prefix))
          .findFirst()
          .orElse(root.resolve(prefix));
    } catch (IOException e) {
      return root.resolve(prefix);
    }
  }

  /** A working directory's folder name before any cut: every non-alphanumeric becomes '-'. */
  static String folderName(Path workingDirectory) {
    String name = workingDirectory.toAbsolutePath().normalize().toString();
    return name.replaceAll("[^a-zA-Z0-9]", "-");
  }
}
