package dev.braid.starter.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.braid.starter.testsupport.BraidLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code braid} launcher in a process of its own, on the embedded dev server. Unlike the
 * e2e package's helper it can also start the CLI in the background, so that a test can kill it
 * while it works. The launcher {@code exec}s java, so the process's pid is the JVM's, which runs
 * the in-process worker: killing it kills the worker.
 */
final class Braid {
  static final Path HOME = BraidLauncher.HOME;

  private static final ObjectMapper JSON = new ObjectMapper();

  private Braid() {}

  /**
   * How a run of the CLI ended.
   *
   * @param exitCode the exit code, or -1 when it was killed or did not end in time
   * @param out standard output
   * @param err standard error
   */
  record Result(int exitCode, String out, String err) {
    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new AssertionError("not one JSON document: " + this, e);
      }
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  /** A CLI process started in the background. */
  static final class Running {
    private final Process process;
    private final Path out;
    private final Path err;
    private final String command;

    private Running(Process process, Path out, Path err, String command) {
      this.process = process;
      this.out = out;
      this.err = err;
      this.command = command;
    }

    long pid() {
      return process.pid();
    }

    boolean alive() {
      return process.isAlive();
    }

    /** What the process wrote to stdout so far. */
    String outSoFar() {
      return read(out);
    }

    /**
     * Kills the braid JVM with SIGKILL, as a crash or the OOM killer would: no shutdown hook runs,
     * so its worker cannot stop its agents or report anything to Temporal.
     */
    void kill9() throws InterruptedException {
      ProcessHandle jvm =
          ProcessHandle.of(process.pid())
              .orElseThrow(() -> new AssertionError(command + " had already ended: " + result()));
      String executable = jvm.info().command().orElse("");
      assertTrue(
          executable.endsWith("/java"),
          "the launcher should have exec'd java, but pid " + jvm.pid() + " is " + executable);
      jvm.destroyForcibly();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "pid " + jvm.pid() + " survived SIGKILL");
    }

    /** Sends SIGINT, as Ctrl-C in the terminal would. */
    void ctrlC() throws IOException, InterruptedException {
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
      assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -INT failed");
    }

    /** Waits for the process to end; kills it and fails when it does not end in time. */
    Result await(Duration timeout) throws InterruptedException {
      boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!ended) {
        stop();
      }
      Result result = result();
      assertTrue(ended, command + " did not end within " + timeout + ": " + result);
      return result;
    }

    /** Kills the process, if it still runs, and reads what it wrote. */
    Result stop() throws InterruptedException {
      if (process.isAlive()) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
      return result();
    }

    private Result result() {
      int exit = process.isAlive() ? -1 : process.exitValue();
      return new Result(exit, read(out), read(err));
    }

    private static String read(Path file) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Starts {@code braid args...} in {@code cwd} and returns at once. */
  static Running start(Path cwd, String... args) throws IOException {
    return start(cwd, Map.of(), args);
  }

  /** Starts {@code braid args...} in {@code cwd}, with more environment, and returns at once. */
  static Running start(Path cwd, Map<String, String> env, String... args) throws IOException {
    Path out = Files.createTempFile(cwd.getParent(), "braid-", ".out");
    Path err = Files.createTempFile(cwd.getParent(), "braid-", ".err");
    Process process = BraidLauncher.command(cwd, env, out, err, args).start();
    return new Running(process, out, err, "braid " + String.join(" ", args));
  }

  /** Runs {@code braid args...} in {@code cwd} to its end. */
  static Result run(Path cwd, Duration timeout, String... args)
      throws IOException, InterruptedException {
    return start(cwd, args).await(timeout);
  }
}
