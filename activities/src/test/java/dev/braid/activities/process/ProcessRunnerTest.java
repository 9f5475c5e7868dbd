package dev.braid.activities.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {
  private static final Duration LONG = Duration.ofMinutes(1);

  @TempDir Path dir;

  private final ProcessRunner runner =
      new ProcessRunner(Duration.ofMillis(500), Duration.ofMillis(100));

  private ProcessOutcome bash(String script, Duration timeout, Heartbeat heartbeat)
      throws IOException {
    return runner.run(ProcessSpec.captured(List.of("bash", "-c", script), dir, timeout), heartbeat);
  }

  /** A check's script: unlike braid's own git calls, what it leaves in its group is swept. */
  private ProcessOutcome check(String script) throws IOException {
    return runner.run(
        new ProcessSpec(List.of("bash", "-c", script), dir, Map.of(), null, LONG, null),
        Heartbeat.NONE);
  }

  @Test
  void reportsExitCodesAndCapturesOutput() throws IOException {
    ProcessOutcome failed =
        bash("echo to-stdout; echo to-stderr >&2; exit 7", LONG, Heartbeat.NONE);
    assertEquals(7, failed.exitCode());
    assertFalse(failed.succeeded());
    assertFalse(failed.timedOut());
    assertTrue(failed.output().contains("to-stdout"), failed.output());
    assertTrue(failed.output().contains("to-stderr"), failed.output());

    ProcessOutcome ok = bash("pwd", LONG, Heartbeat.NONE);
    assertTrue(ok.succeeded());
    assertEquals(dir.toRealPath().toString(), ok.output().strip());
  }

  @Test
  void passesTheEnvironment() throws IOException {
    ProcessOutcome outcome =
        runner.run(
            new ProcessSpec(
                List.of("bash", "-c", "echo \"$BRAID_X\""),
                dir,
                Map.of("BRAID_X", "value-x"),
                null,
                LONG,
                null),
            Heartbeat.NONE);
    assertEquals("value-x", outcome.output().strip());
  }

  @Test
  void appendsToTheLogFileAndReturnsItsTail() throws IOException {
    Path logFile = dir.resolve("logs/a/b.log");
    runner.run(
        new ProcessSpec(List.of("echo", "first"), dir, Map.of(), logFile, LONG, null),
        Heartbeat.NONE);
    ProcessOutcome second =
        runner.run(
            new ProcessSpec(List.of("echo", "second"), dir, Map.of(), logFile, LONG, null),
            Heartbeat.NONE);
    assertEquals("first\nsecond\n", Files.readString(logFile));
    assertTrue(second.output().endsWith("second\n"), second.output());
  }

  @Test
  void timeoutKillsTheWholeTree() throws Exception {
    Path pids = dir.resolve("pids");
    ProcessOutcome outcome =
        bash(
            "echo $$ > "
                + pids
                + "; sleep 1000 & echo $! >> "
                + pids
                + ";"
                + " bash -c 'sleep 1000' & echo $! >> "
                + pids
                + "; wait",
            Duration.ofSeconds(1),
            Heartbeat.NONE);
    assertTrue(outcome.timedOut());
    assertFalse(outcome.succeeded());
    List<Long> recorded = Pids.read(pids);
    assertEquals(3, recorded.size());
    assertTrue(Pids.allGone(recorded), "left behind: " + recorded);
  }

  @Test
  void childrenLeftByALeaderThatExitedAreKilled() throws Exception {
    Path pids = dir.resolve("pids");
    ProcessOutcome outcome = check("sleep 1000 & echo $! > " + pids + "; exit 0");
    assertTrue(outcome.succeeded());
    List<Long> recorded = Pids.read(pids);
    assertTrue(Pids.allGone(recorded), "left behind: " + recorded);
  }

  @Test
  void aStoppedChildLeftByALeaderThatExitedIsKilled() throws Exception {
    // SIGTERM stays pending for a stopped process; only the SIGKILL that follows ends it.
    Path pids = dir.resolve("pids");
    ProcessOutcome outcome = check("sleep 1000 & echo $! > " + pids + "; kill -STOP $!; exit 0");
    assertTrue(outcome.succeeded());
    List<Long> recorded = Pids.read(pids);
    assertTrue(Pids.allGone(recorded), "left behind: " + recorded);
  }

  @Test
  void aLeaderThatLeftNothingEndsCleanlyRunAfterRun() throws Exception {
    for (int i = 0; i < 20; i++) {
      ProcessOutcome outcome = bash("echo $$", LONG, Heartbeat.NONE);
      assertTrue(outcome.succeeded());
      long pid = Long.parseLong(outcome.output().strip());
      assertFalse(Pids.alive(pid), "run " + i + " left " + pid);
    }
  }

  @Test
  void heartbeatIsCalledWhileRunning() throws IOException {
    List<Long> beats = new CopyOnWriteArrayList<>();
    ProcessOutcome outcome = bash("sleep 1", LONG, beats::add);
    assertTrue(outcome.succeeded());
    assertFalse(beats.isEmpty());
    for (int i = 1; i < beats.size(); i++) {
      assertTrue(beats.get(i) >= beats.get(i - 1), "elapsed must not go back: " + beats);
    }
  }

  @Test
  void aThrowingHeartbeatKillsTheTreeAndPropagates() throws Exception {
    Path pids = dir.resolve("pids");
    IllegalStateException cancelled = new IllegalStateException("cancelled");
    Heartbeat cancelOnceStarted =
        elapsed -> {
          if (Files.exists(pids)) {
            throw cancelled;
          }
        };
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                bash(
                    "sleep 1000 & c1=$!; sleep 1000 & echo \"$$ $c1 $!\" | tr ' ' '\\n' > "
                        + pids
                        + "; wait",
                    LONG,
                    cancelOnceStarted));
    assertEquals(cancelled, thrown);
    List<Long> recorded = Pids.read(pids);
    assertEquals(3, recorded.size());
    assertTrue(Pids.allGone(recorded), "left behind: " + recorded);
  }

  @Test
  void aProcessIgnoringSigtermIsKilledAfterTheGrace() throws Exception {
    Path pids = dir.resolve("pids");
    ProcessOutcome outcome =
        bash(
            "trap '' TERM; sleep 1000 & echo $$ > " + pids + "; echo $! >> " + pids + "; wait",
            Duration.ofSeconds(1),
            Heartbeat.NONE);
    assertTrue(outcome.timedOut());
    // 137 is 128 + SIGKILL: SIGTERM, which the shell ignores, did not end it.
    assertEquals(137, outcome.exitCode());
    assertTrue(Pids.allGone(Pids.read(pids)));
  }

  @Test
  void aGroupLeftByACrashedWorkerIsKilledOnTheNextRun() throws Exception {
    Path pids = dir.resolve("pids");
    Process crashed =
        new ProcessBuilder("setsid", "bash", "-c", "sleep 1000 & echo $! > " + pids + "; wait")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectErrorStream(true)
            .start();
    List<Long> recorded = new ArrayList<>(Pids.await(pids, 1));
    recorded.add(crashed.pid());
    long started = crashed.toHandle().info().startInstant().orElseThrow().toEpochMilli();
    Path pidFile = dir.resolve("state/agent.pid");
    Files.createDirectories(pidFile.getParent());
    Files.writeString(pidFile, crashed.pid() + " " + started + "\n");

    ProcessOutcome next =
        runner.run(
            new ProcessSpec(List.of("true"), dir, Map.of(), null, LONG, pidFile), Heartbeat.NONE);

    assertTrue(next.succeeded());
    assertTrue(Pids.allGone(recorded), "left behind: " + recorded);
    assertFalse(Files.exists(pidFile), "the pid file must go once its process ended");
  }

  @Test
  void aRecycledPidIsNotKilled() throws Exception {
    Process stranger =
        new ProcessBuilder("sleep", "1000").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      Path pidFile = dir.resolve("agent.pid");
      // The recorded start time is an hour off, so the pid now belongs to another process.
      long otherStart = System.currentTimeMillis() - 3_600_000;
      Files.writeString(pidFile, stranger.pid() + " " + otherStart + "\n");
      runner.run(
          new ProcessSpec(List.of("true"), dir, Map.of(), null, LONG, pidFile), Heartbeat.NONE);
      assertTrue(stranger.isAlive());
    } finally {
      stranger.destroyForcibly();
    }
  }
}
