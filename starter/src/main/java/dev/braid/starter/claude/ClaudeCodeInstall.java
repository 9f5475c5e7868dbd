package dev.braid.starter.claude;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code braid init claude} did, as {@code --json} prints it.
 *
 * @param repo the repository set up
 * @param written the command files written (new or replaced), relative to {@code repo}
 * @param unchanged the command files that already held braid's text, relative to {@code repo}
 * @param settings the settings file the rules are in, relative to {@code repo}
 * @param permissionsAdded the rules added to its {@code permissions.allow}; empty when all were
 *     there
 */
public record ClaudeCodeInstall(
    String repo,
    List<String> written,
    List<String> unchanged,
    String settings,
    List<String> permissionsAdded) {

  /** What was done, a line per file, for a person. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    written.forEach(file -> lines.add(String.format("wrote      %s (%s)", file, slash(file))));
    unchanged.forEach(file -> lines.add(String.format("unchanged  %s (%s)", file, slash(file))));
    lines.add(
        permissionsAdded.isEmpty()
            ? String.format(
                "unchanged  %s (it allows %s)",
                settings, String.join(", ", ClaudeCodeSetup.PERMISSIONS))
            : String.format(
                "allowed    %s in %s permissions.allow",
                String.join(", ", permissionsAdded), settings));
    return lines;
  }

  private static String slash(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    return "/braid:" + name.replace(".md", "");
  }
}
