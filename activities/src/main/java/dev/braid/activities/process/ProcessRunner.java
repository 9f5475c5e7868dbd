package dev.braid.activities.process;

import dev.braid.activities.secrets.ChildEnvironment;
import dev.braid.activities.secrets.ChildKind;
import dev.braid.activities.secrets.SecretMask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a subprocess to its end, its timeout or its cancellation, and never leaves any of its tree
 * behind. Each process starts in a session of its own (through {@code setsid}) so that its whole
 * group can be signalled, and so that a Ctrl-C meant for the CLI does not reach it. Its environment
 * is built on purpose ({@link ChildEnvironment}), and secret values are masked ({@link SecretMask})
 * in its log and in the output it returns, before any of it can reach a failure or the history.
 */
public final class ProcessRunner {
  private static final Duration BEAT_EVERY = Duration.ofSeconds(5);
  private static final int TAIL_CHARS = 4000;
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final Duration killGrace;
  private final Duration beatEvery;
  private final ChildEnvironment environment;
  private final SecretMask mask;

  public ProcessRunner() {
    this(ProcessTree.KILL_GRACE);
  }

  /**
   * @param environment the rule that builds each child's environment, with the worker's grants
   */
  public ProcessRunner(ChildEnvironment environment) {
    this(ProcessTree.KILL_GRACE, BEAT_EVERY, environment);
  }

  /**
   * @param killGrace how long a process has between SIGTERM and SIGKILL
   */
  public ProcessRunner(Duration killGrace) {
    this(killGrace, BEAT_EVERY);
  }

  /**
   * @param killGrace how long a process has between SIGTERM and SIGKILL
   * @param beatEvery how often the heartbeat is called while the process runs; tests shorten it so
   *     that a cancellation is seen quickly
   */
  public ProcessRunner(Duration killGrace, Duration beatEvery) {
    this(killGrace, beatEvery, ChildEnvironment.ofWorker());
  }

  /**
   * @param killGrace how long a process has between SIGTERM and SIGKILL
   * @param beatEvery how often the heartbeat is called while the process runs
   * @param environment the rule that builds each child's environment, with the worker's grants
   */
  public ProcessRunner(Duration killGrace, Duration beatEvery, ChildEnvironment environment) {
    this.killGrace = killGrace;
    this.beatEvery = beatEvery;
    this.environment = environment;
    this.mask = environment.mask();
  }

  /** The mask this runner applies, for callers that build messages from other text. */
  public SecretMask mask() {
    return mask;
  }

  /**
   * Runs the process. When the heartbeat throws, the tree is killed and the exception rethrown.
   *
   * @throws IOException when the executable cannot be started
   */
  public ProcessOutcome run(ProcessSpec spec, Heartbeat heartbeat) throws IOException {
    if (spec.pidFile() != null) {
      killLeftover(spec.pidFile());
    }
    Path output = spec.logFile() != null ? spec.logFile() : Files.createTempFile("braid-", ".out");
    if (output.getParent() != null) {
      Files.createDirectories(output.getParent());
    }
    List<String> argv = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      argv.add(SETSID.toString());
    }
    argv.addAll(spec.command());
    ProcessBuilder builder =
        new ProcessBuilder(argv)
            .directory(spec.workDir().toFile())
            .redirectErrorStream(true)
            .redirectInput(
                ProcessBuilder.Redirect.from(
                    (spec.stdin() != null ? spec.stdin() : Path.of("/dev/null")).toFile()))
            .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    // Nothing is inherited by default: the rule decides, per kind of process, what it may see.
    // BRAID_* variables are the agent contract; only the ones braid sets for this process reach it.
    builder.environment().clear();
    builder.environment().putAll(environment.inherited(spec.kind(), spec.listedEnv()));
    builder.environment().putAll(spec.env());
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      recordPid(spec.pidFile(), process.toHandle());
      boolean timedOut = !waitFor(process, spec.timeout(), heartbeat, start, beatEvery);
      if (timedOut) {
        ProcessTree.kill(process.toHandle(), killGrace);
      } else if (spec.kind() != ChildKind.GIT) {
        // The leader is gone; children it left in its group must not outlive the attempt. braid's
        // own git calls are left out: git waits for what it starts (a detached `gc --auto` leaves
        // the session on purpose), and the sweep's kill(1) start was half the processes a task
        // cost.
        ProcessTree.kill(process.toHandle(), Duration.ZERO);
      }
      int exit = exitCode(process);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      if (spec.logFile() != null) {
        maskFile(output);
      }
      String text = spec.logFile() != null ? tail(output) : Files.readString(output);
      return new ProcessOutcome(exit, timedOut, mask.mask(text), elapsed);
    } catch (IOException | RuntimeException | Error e) {
      // An interrupted wait or an unwritable pid file must not leave the tree running either.
      ProcessTree.kill(process.toHandle(), killGrace);
      throw e;
    } finally {
      if (spec.logFile() == null) {
        Files.deleteIfExists(output);
      }
      if (spec.pidFile() != null) {
        Files.deleteIfExists(spec.pidFile());
      }
    }
  }

  /**
   * Masks secret values in a log the process wrote, in place, before anyone reads its tail. A log
   * shared by several processes is masked again each time, which changes nothing already masked.
   */
  private void maskFile(Path log) throws IOException {
    if (mask.isEmpty() || !Files.exists(log)) {
      return;
    }
    String text = Files.readString(log, StandardCharsets.ISO_8859_1);
    String masked = mask.maskBytes(text);
    if (!masked.equals(text)) {
      Files.writeString(log, masked, StandardCharsets.ISO_8859_1);
    }
  }

  /** Whether the process ended within the timeout; heartbeats while it runs. */
  private static boolean waitFor(
      Process process, Duration timeout, Heartbeat heartbeat, long start, Duration beatEvery)
      throws IOException {
    long deadline = start + timeout.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        long slice = Math.min(left, beatEvery.toNanos());
        if (process.waitFor(slice, TimeUnit.NANOSECONDS)) {
          return true;
        }
        heartbeat.beat(Duration.ofNanos(System.nanoTime() - start).toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + process.pid(), e);
    }
  }

  private static int exitCode(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static void recordPid(Path pidFile, ProcessHandle handle) throws IOException {
    if (pidFile == null) {
      return;
    }
    long startMillis =
        handle.info().startInstant().map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis());
    Files.createDirectories(pidFile.getParent());
    Files.writeString(pidFile, handle.pid() + " " + startMillis + "\n", StandardCharsets.UTF_8);
  }

  /**
   * Kills the process group recorded in the pid file, if it still runs, and deletes the file: what
   * a run with this pid file left when its worker was lost. The recorded start time guards against
   * a pid the kernel has since given to another process.
   */
  public void killLeftover(Path pidFile) {
    try {
      if (!Files.exists(pidFile)) {
        return;
      }
      String[] parts = Files.readString(pidFile).trim().split("\\s+");
      ProcessTree.killStale(Long.parseLong(parts[0]), Long.parseLong(parts[1]), killGrace);
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      // A corrupt pid file names no process we could safely kill.
    }
  }

  /** The last few thousand characters of a log, where a failure's reason usually is. */
  public static String tail(Path file) throws IOException {
    if (!Files.exists(file)) {
      return "";
    }
    long size = Files.size(file);
    try (var channel = Files.newByteChannel(file, StandardOpenOption.READ)) {
      long from = Math.max(0, size - TAIL_CHARS);
      channel.position(from);
      var buffer = java.nio.ByteBuffer.allocate((int) (size - from));
      while (buffer.hasRemaining() && channel.read(buffer) > 0) {
        // Reads until the buffer holds the whole tail.
      }
      return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }
  }
}
