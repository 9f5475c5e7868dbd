package dev.braid.activities.agent;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a command's executable the way the operating system will. Processes start through {@code
 * setsid}, so a missing program would otherwise look like the agent failing with status 127, which
 * is retried; looking first turns it into a failure that says what is wrong and is not retried.
 */
final class Executables {
  private Executables() {}

  /**
   * The executable {@code argv0} names: a path when it holds a slash (relative to the working
   * directory), else the first match on the search path.
   */
  static Optional<Path> find(String argv0, Path workDir, String searchPath) {
    if (argv0.isEmpty()) {
      return Optional.empty();
    }
    if (argv0.contains("/")) {
      return runnable(workDir.resolve(argv0));
    }
    if (searchPath == null) {
      return Optional.empty();
    }
    for (String dir : searchPath.split(File.pathSeparator)) {
      Optional<Path> found = runnable(workDir.resolve(dir.isEmpty() ? "." : dir).resolve(argv0));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> runnable(Path p) {
    return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
  }
}
