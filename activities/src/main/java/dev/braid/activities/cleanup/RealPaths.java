package dev.braid.activities.cleanup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Paths with symbolic links resolved, so that a path braid built compares equal to the one git
 * prints (on macOS, for one, {@code /tmp} is a link).
 */
final class RealPaths {
  private RealPaths() {}

  static Path of(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    try {
      return Files.exists(absolute) ? absolute.toRealPath() : absolute;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + absolute, e);
    }
  }
}
