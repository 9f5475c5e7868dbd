package dev.braid.activities.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Writes plan files for tests and finds the real Contextune plans kept as test resources. */
final class PlanFiles {

  private PlanFiles() {}

  /** Writes the lines, each ended by {@code \n}, to a file under the directory. */
  static Path write(Path dir, String relative, String... lines) {
    Path file = dir.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** The copy of the real Contextune plans among the test resources (read only: do not edit). */
  static Path contextunePlans() {
    try {
      return Path.of(PlanFiles.class.getResource("/contextune-plans").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies a directory tree, so that a test can change a real plan without touching the source. */
  static Path copy(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
          target.toFile().setWritable(true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
