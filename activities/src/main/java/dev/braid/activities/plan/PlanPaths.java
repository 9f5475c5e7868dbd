package dev.braid.activities.plan;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Resolves the file paths that plans give, relative to the plan directory, and keeps them inside
 * it: a plan from anyone must not make braid read or rewrite {@code ../../etc/passwd}.
 */
final class PlanPaths {

  private PlanPaths() {}

  /**
   * The file that a plan-relative path names.
   *
   * @param dir the plan directory, absolute and normalized
   * @throws IllegalArgumentException with a reason, as a sentence fragment that follows nothing,
   *     when the path is absolute or leads outside the plan directory, by {@code ..} or by a link
   */
  static Path resolveInside(Path dir, String given) {
    if (given.isBlank()) {
      throw new IllegalArgumentException("is empty");
    }
    Path path;
    try {
      path = Path.of(given);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("'" + given + "' is not a valid path", e);
    }
    if (path.isAbsolute()) {
      throw new IllegalArgumentException("'" + given + "' must be relative to the plan directory");
    }
    Path resolved = dir.resolve(path).normalize();
    if (!resolved.startsWith(dir) || resolved.equals(dir)) {
      throw new IllegalArgumentException("'" + given + "' leads outside the plan directory");
    }
    if (Files.exists(resolved) && !realPath(resolved).startsWith(realPath(dir))) {
      throw new IllegalArgumentException(
          "'" + given + "' links to a file outside the plan directory");
    }
    return resolved;
  }

  /** The path of a file inside the plan directory as plans write it, with {@code /}. */
  static String relative(Path dir, Path file) {
    return dir.relativize(file).toString().replace(File.separatorChar, '/');
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new IllegalArgumentException("'" + path + "' cannot be resolved: " + e.getMessage(), e);
    }
  }
}
