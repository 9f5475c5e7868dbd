package dev.braid.starter.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real {@code braid} launcher, started as a user would, on the embedded Temporal dev server:
 * the suites that run the CLI in a process of its own all start it the same way.
 */
public final class BraidLauncher {
  /** The braid checkout under test; the build passes it, and tests run in its starter folder. */
  public static final Path HOME =
      Path.of(System.getProperty("braid.home", "..")).toAbsolutePath().normalize();

  private BraidLauncher() {}

  /**
   * A process builder for {@code braid args...} in {@code cwd}, with {@code env} added, writing its
   * stdout and stderr to the given files.
   */
  public static ProcessBuilder command(
      Path cwd, Map<String, String> env, Path out, Path err, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(HOME.resolve("braid").toString());
    argv.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(argv)
            .directory(cwd.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    // Without TEMPORAL_ADDRESS braid starts its embedded dev server, which the tests rely on.
    builder.environment().remove("TEMPORAL_ADDRESS");
    // The build under test made the jar; the launcher must run it, not rebuild it mid-test.
    builder.environment().put("BRAID_SKIP_BUILD", "1");
    builder.environment().putAll(env);
    return builder;
  }
}
