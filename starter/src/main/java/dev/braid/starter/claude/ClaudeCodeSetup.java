package dev.braid.starter.claude;

import dev.braid.starter.cli.UsageError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets a repository up so that braid runs from inside Claude Code: slash commands in {@code
 * .claude/commands/braid/} (Claude Code names a command by its folder, so {@code execute.md} there
 * is {@code /braid:execute}) whose instructions call the {@code braid} CLI and read its {@code
 * --json} output, and rules in {@code .claude/settings.json} that allow exactly those calls, so the
 * session runs them without asking each time.
 *
 * <p>Everything is checked before anything is written: a settings file braid cannot read, or a
 * command file the user changed, stops it with nothing changed.
 */
public final class ClaudeCodeSetup {
  /** The slash commands, by file name in {@code .claude/commands/braid/}. */
  public static final List<String> COMMANDS = List.of("execute", "status", "unblock");

  /** What the commands' instructions run, as Claude Code's permission rules (prefix matches). */
  public static final List<String> PERMISSIONS =
      List.of("Bash(braid execute:*)", "Bash(braid status:*)", "Bash(braid unblock:*)");

  static final Path COMMANDS_DIR = Path.of(".claude", "commands", "braid");
  static final Path SETTINGS = Path.of(".claude", "settings.json");

  private ClaudeCodeSetup() {}

  /**
   * Writes the commands and merges the rules.
   *
   * @param force whether command files that differ from braid's (changed by the user, or from
   *     another braid version) may be replaced
   * @return what was done
   */
  public static ClaudeCodeInstall install(Path repo, boolean force) {
    Map<Path, String> commands = new LinkedHashMap<>();
    List<String> conflicts = new ArrayList<>();
    for (String name : COMMANDS) {
      Path file = repo.resolve(COMMANDS_DIR).resolve(name + ".md");
      String text = template(name);
      commands.put(file, text);
      if (Files.exists(file) && !text.equals(read(file)) && !force) {
        conflicts.add(file.toString());
      }
    }
    if (!conflicts.isEmpty()) {
      throw new UsageError(
          String.join(", ", conflicts)
              + (conflicts.size() == 1 ? " differs" : " differ")
              + " from braid's; nothing was changed (keep your changes, or replace them with"
              + " braid init claude --force)");
    }
    Path settingsFile = repo.resolve(SETTINGS);
    ClaudeSettings settings = ClaudeSettings.read(settingsFile);
    settings.allow(PERMISSIONS);
    List<String> written = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    try {
      for (Map.Entry<Path, String> command : commands.entrySet()) {
        Path file = command.getKey();
        String relative = repo.relativize(file).toString();
        if (Files.exists(file) && command.getValue().equals(read(file))) {
          unchanged.add(relative);
          continue;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, command.getValue());
        written.add(relative);
      }
      settings.write();
    } catch (IOException e) {
      throw new UsageError("cannot write the Claude Code setup in " + repo + ": " + e);
    }
    return new ClaudeCodeInstall(
        repo.toString(), written, unchanged, SETTINGS.toString(), settings.added());
  }

  private static String template(String name) {
    String resource = "/claude-code/commands/braid/" + name + ".md";
    try (InputStream in = ClaudeCodeSetup.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("braid's jar lacks " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource + " from braid's jar", e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UsageError("cannot read " + file + ": " + e.getMessage());
    }
  }
}
