package dev.braid.activities.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the placeholders of a configured command, inside each argv element. Commands are argv
 * lists, never shell strings, so a substituted value (even a prompt full of quotes) reaches the
 * program as one untouched argument.
 *
 * <p>Substitution is a single pass: a value that itself contains {@code {taskId}} is not expanded
 * again. A {@code {word}} that is not a known placeholder is a configuration error rather than
 * literal text, because it is almost always a typo that would otherwise reach the agent silently.
 */
public final class Placeholders {
  /** The placeholders a command may use. */
  public static final List<String> NAMES = List.of("prompt", "promptFile", "taskId", "worktree");

  private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_-]*)\\}");

  private final Map<String, String> values;

  public Placeholders(String prompt, Path promptFile, String taskId, Path worktree) {
    this.values =
        Map.of(
            "prompt",
            prompt,
            "promptFile",
            promptFile.toString(),
            "taskId",
            taskId,
            "worktree",
            worktree.toString());
  }

  /**
   * Throws when the command uses a placeholder that does not exist.
   *
   * @param what names the command in the message, such as {@code agent command of tier fast}
   * @throws IllegalArgumentException naming every unknown placeholder and the allowed ones
   */
  public static void validate(List<String> command, String what) {
    Set<String> unknown = new LinkedHashSet<>();
    for (String arg : command) {
      Matcher m = PLACEHOLDER.matcher(arg);
      while (m.find()) {
        if (!NAMES.contains(m.group(1))) {
          unknown.add(m.group());
        }
      }
    }
    shellScriptWithPlaceholder(command)
        .ifPresent(
            script -> {
              throw new IllegalArgumentException(
                  "a placeholder inside a shell script ("
                      + command.get(0)
                      + " -c) in "
                      + what
                      + " would run task text as shell code; pass it as its own argument, e.g."
                      + " [sh, -c, 'claude -p \"$1\"', sh, \"{prompt}\"]");
            });
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown placeholder "
              + String.join(", ", unknown)
              + " in "
              + what
              + "; allowed: {"
              + String.join("}, {", NAMES)
              + "}");
    }
  }

  /**
   * The script argument of {@code sh|bash|zsh|dash|ksh -c SCRIPT} when it holds a placeholder: a
   * value substituted there is parsed by the shell, so task text would become shell code. The
   * arguments after the script are plain argv and may hold placeholders.
   */
  private static java.util.Optional<String> shellScriptWithPlaceholder(List<String> command) {
    if (command.isEmpty() || !SHELLS.contains(Path.of(command.get(0)).getFileName().toString())) {
      return java.util.Optional.empty();
    }
    for (int i = 1; i < command.size() - 1; i++) {
      String arg = command.get(i);
      if (!arg.startsWith("-")) {
        return java.util.Optional.empty();
      }
      if (arg.matches("-[A-Za-z]*c[A-Za-z]*")) {
        String script = command.get(i + 1);
        return PLACEHOLDER.matcher(script).find()
            ? java.util.Optional.of(script)
            : java.util.Optional.empty();
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * The command with every placeholder replaced.
   *
   * @throws IllegalArgumentException when the command uses an unknown placeholder
   */
  public List<String> apply(List<String> command, String what) {
    validate(command, what);
    List<String> out = new ArrayList<>(command.size());
    for (String arg : command) {
      Matcher m = PLACEHOLDER.matcher(arg);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(sb, Matcher.quoteReplacement(values.get(m.group(1))));
      }
      m.appendTail(sb);
      out.add(sb.toString());
    }
    return out;
  }
}
