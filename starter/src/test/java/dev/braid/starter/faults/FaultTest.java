package dev.braid.starter.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ground every fault test stands on: a temporary folder, the braid processes the test started,
 * and a cleanup that leaves nothing running, whatever the test did: the braid processes are killed,
 * the gates released, the repository's dev server stopped, and any process still working in the
 * folder (an agent a failed test left) killed.
 */
abstract class FaultTest {
  /** Long enough for a run to wait out a lost worker's heartbeat timeout and finish. */
  static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

  /** A phase the test waits for starts within seconds; this is the bound on a slow machine. */
  static final Duration PHASE_TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path tmp;
  FaultRepo r;

  /** Environment added to every braid process the test starts. */
  final Map<String, String> env = new HashMap<>();

  private final List<Braid.Running> started = new ArrayList<>();

  /** Starts {@code braid args...} in the repository and keeps it for the cleanup. */
  Braid.Running start(String... args) throws IOException {
    Braid.Running running = Braid.start(r.repo, env, args);
    started.add(running);
    return running;
  }

  /** Runs {@code braid args...} in the repository to its end. */
  Braid.Result run(Duration timeout, String... args) throws IOException, InterruptedException {
    return start(args).await(timeout);
  }

  @AfterEach
  void leaveNothingRunning() throws Exception {
    for (Braid.Running running : started) {
      running.stop();
    }
    if (r == null) {
      return;
    }
    r.releaseAll();
    Braid.Result stop =
        Braid.run(r.repo, Duration.ofMinutes(1), "server", "stop", "--repo", r.repo.toString());
    List<ProcessHandle> left = Processes.workingUnder(tmp);
    if (!left.isEmpty()) {
      System.err.println("killing processes a fault test left:\n" + Processes.describe(left));
      Processes.kill(left);
    }
    if (stop.exitCode() != 0) {
      throw new AssertionError("braid server stop failed: " + stop);
    }
  }
}
