package dev.braid.plan;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a task id is safe to use as a git branch name and as a directory name. braid
 * builds branches ({@code braid/<run>/<id>}), worktree folders and log folders from task ids, so an
 * id such as {@code ../../etc} or {@code -rf} must never get that far.
 *
 * <p>Beyond the brief's rules (only {@code [A-Za-z0-9._-]}, no {@code ..}, no leading {@code -}),
 * this also refuses what git refuses in a branch name component or what names something else on
 * disk: a leading dot ({@code .} and {@code .git} are not task folders), a trailing dot and a
 * trailing {@code .lock}.
 */
public final class SafeId {

  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]+");

  /**
   * The longest id: it becomes part of branch, folder and log file names, and file systems allow
   * 255 bytes in one name.
   */
  public static final int MAX_LENGTH = 100;

  private SafeId() {}

  /** The id as a message may show it: cut short when it is too long to be read. */
  public static String shown(String id) {
    return id.length() <= MAX_LENGTH ? id : id.substring(0, 40) + "...";
  }

  /** Whether the id is safe as a branch name and as a path. */
  public static boolean isSafe(String id) {
    return problem(id).isEmpty();
  }

  /**
   * Why the id is unsafe, as a sentence fragment that follows the id (for example "may not start
   * with '-'"), or empty when it is safe.
   */
  public static Optional<String> problem(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.of("is empty");
    }
    if (id.length() > MAX_LENGTH) {
      return Optional.of("is " + id.length() + " characters long; the limit is " + MAX_LENGTH);
    }
    if (!ALLOWED.matcher(id).matches()) {
      return Optional.of("may only contain letters, digits, '.', '_' and '-'");
    }
    if (id.contains("..")) {
      return Optional.of("may not contain '..'");
    }
    if (id.startsWith("-")) {
      return Optional.of("may not start with '-'");
    }
    if (id.startsWith(".")) {
      return Optional.of("may not start with '.'");
    }
    if (id.endsWith(".")) {
      return Optional.of("may not end with '.'");
    }
    if (id.endsWith(".lock")) {
      return Optional.of("may not end with '.lock', which git reserves");
    }
    return Optional.empty();
  }
}
