package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.starter.testsupport.BraidLauncher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code braid} launcher as a user would, in its own process, on the embedded
 * Temporal dev server (no {@code TEMPORAL_ADDRESS}).
 */
final class BraidProcess {
  static final Path HOME = BraidLauncher.HOME;

  /**
   * How a run of the CLI ended.
   *
   * @param exitCode the exit code
   * @param out standard output
   * @param err standard error
   */
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private BraidProcess() {}

  static Result run(Path cwd, String... args) throws IOException, InterruptedException {
    return run(cwd, Map.of(), args);
  }

  static Result run(Path cwd, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return within(java.time.Duration.ofMinutes(10), cwd, env, args);
  }

  /**
   * Runs braid, failing when it has not ended within {@code limit}: a bound that catches a hang,
   * not a measure of speed.
   */
  static Result within(java.time.Duration limit, Path cwd, String... args)
      throws IOException, InterruptedException {
    return within(limit, cwd, Map.of(), args);
  }

  private static Result within(
      java.time.Duration limit, Path cwd, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("braid-e2e-", ".out");
    Path err = Files.createTempFile("braid-e2e-", ".err");
    Process process = BraidLauncher.command(cwd, env, out, err, args).start();
    boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    if (!ended) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    Result result =
        new Result(
            ended ? process.exitValue() : -1,
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    assertTrue(
        ended, "braid " + String.join(" ", args) + " did not end within " + limit + ": " + result);
    return result;
  }
}
