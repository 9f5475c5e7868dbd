package dev.braid.starter.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end for a test, with a bound so a hung command fails the test. */
final class Subprocess {
  private static final long TIMEOUT_SECONDS = 60;

  private Subprocess() {}

  /** A finished command: its exit code and its stdout and stderr, interleaved. */
  record Result(int exit, String output) {
    /** The output's last non-blank line. */
    String lastLine() {
      List<String> lines = output.strip().lines().toList();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
  }

  static Result run(Path dir, Map<String, String> env, List<String> argv)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError(argv + " did not finish within " + TIMEOUT_SECONDS + " s");
    }
    return new Result(process.exitValue(), output.join());
  }

  private static String readAll(Process process) {
    try (InputStream in = process.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read the output: " + e + ")";
    }
  }

  /** braid's folder: the {@code braid.home} property, or the parent of the module folder. */
  static Path braidHome() {
    String home = System.getProperty("braid.home");
    return (home != null ? Path.of(home) : Path.of("..")).toAbsolutePath().normalize();
  }
}
