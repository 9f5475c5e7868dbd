package dev.braid.starter.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the git CLI in the demo folder; a failing command becomes a {@link DemoException}. */
final class DemoGit {
  // Inherited from a calling git (a hook, say), these would point git at another repository.
  private static final List<String> GIT_LOCATION_VARIABLES =
      List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY");

  private DemoGit() {}

  /** Runs {@code git args...} in {@code dir} and returns its output. */
  static String run(Path dir, String... args) {
    List<String> argv = new ArrayList<>(List.of("git"));
    argv.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(argv)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Map<String, String> env = builder.environment();
    GIT_LOCATION_VARIABLES.forEach(env::remove);
    try {
      Process process = builder.start();
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      int exit = process.waitFor();
      if (exit != 0) {
        throw new DemoException(
            String.join(" ", argv)
                + " failed in "
                + dir
                + " (exit "
                + exit
                + "):\n"
                + output.strip());
      }
      return output;
    } catch (IOException e) {
      throw new DemoException(
          "cannot run git; is it installed? (" + String.join(" ", argv) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoException("interrupted while running " + String.join(" ", argv), e);
    }
  }
}
