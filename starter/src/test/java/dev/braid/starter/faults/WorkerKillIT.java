package dev.braid.starter.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the worker in the middle of every long phase of a run, then a new shell: the run is
 * found where it was and completes, with nothing done twice and nothing left running.
 *
 * <p>With the embedded default the worker lives in the foreground {@code braid execute} JVM, so
 * killing that process is killing the worker. One kill hits five tasks, each in another phase, held
 * there by the test's gates so that the phase is certainly under way when the JVM dies:
 *
 * <ul>
 *   <li>{@code in-setup}: preparing its worktree (the setup command);
 *   <li>{@code in-agent}: the agent is working and finishes on its own after the worker died;
 *   <li>{@code stuck-agent}: the agent hangs with two children, so the orphans are still there when
 *       the run resumes and must be killed through the pid file braid recorded;
 *   <li>{@code in-check}: the checks of its attempt are running;
 *   <li>{@code in-merge}: the merge queue is running the checks on its merge.
 * </ul>
 *
 * <p>Between the kill and the restart a new {@code braid status} finds the run running, and the
 * next {@code braid execute} attaches to the same run instead of starting another.
 */
@Tag("e2e")
class WorkerKillIT extends FaultTest {
  private static final Pattern CHILD = Pattern.compile("forked child (\\d+)");

  @Test
  void workerKilledInEveryPhaseRunResumesAndCompletesOnce() throws Exception {
    r =
        FaultRepo.in(tmp)
            .tier("fast", 2, "2m")
            .maxParallel(5)
            .task("in-setup", "")
            .task("in-agent", "\"sleepSeconds\": 30")
            .task(
                "stuck-agent", "\"hangSeconds\": 600, \"hangUntilAttempt\": 2, \"forkChildren\": 2")
            .task("in-check", "")
            .task("in-merge", "")
            .create();
    r.hold("setup-in-setup");
    r.hold("check-in-check");
    r.hold("check-integration");

    Braid.Running first = start("execute", "--json");
    long setupPid = r.awaitHeld("setup-in-setup", PHASE_TIMEOUT);
    long checkPid = r.awaitHeld("check-in-check", PHASE_TIMEOUT);
    long mergeCheckPid = r.awaitHeld("check-integration", PHASE_TIMEOUT);
    Path agentLog = r.awaitAttemptLog("in-agent", "1-fast.log", PHASE_TIMEOUT);
    Path stuckLog = r.awaitAttemptLog("stuck-agent", "1-fast.log", PHASE_TIMEOUT);
    Await.text(stuckLog, "hanging for", PHASE_TIMEOUT);
    List<Long> orphans = children(stuckLog);
    long stuckAgent =
        ProcessHandle.of(orphans.get(0)).flatMap(ProcessHandle::parent).orElseThrow().pid();
    orphans.add(stuckAgent);
    assertFalse(
        Files.readString(agentLog).contains("scripted-agent: done"),
        "in-agent's agent must still be working when the worker dies: "
            + Files.readString(agentLog));

    first.kill9();

    // The worker's processes were in sessions of their own: they outlive it, as orphans.
    for (long pid : List.of(setupPid, checkPid, mergeCheckPid, stuckAgent)) {
      assertTrue(Processes.running(pid), "process " + pid + " should have outlived the worker");
    }

    // A new shell finds the run where it was.
    String runId = runIdFromLogs();
    Braid.Result status = run(Duration.ofMinutes(2), "status", "--json");
    assertEquals(0, status.exitCode(), status.toString());
    JsonNode seen = status.json();
    assertEquals(runId, seen.get("runId").asText());
    assertEquals("running", seen.get("status").asText(), status.toString());
    long startedAt = seen.get("startedAtMillis").asLong();
    assertTrue(startedAt > 0, status.toString());

    // The orphaned setup and checks may now end; their results went with the dead worker.
    long mergeChecksBefore = r.runs("check-integration");
    r.releaseAll();
    Braid.Result resumed = run(RUN_TIMEOUT, "execute", "--json");

    JsonNode run = resumed.json();
    assertEquals(runId, run.get("runId").asText(), "the second execute attached to the same run");
    assertEquals(startedAt, run.get("startedAtMillis").asLong(), resumed.toString());
    // An attempt whose worker died counts as a failed attempt (timed out on its heartbeat), so the
    // tasks killed in their agent or checks needed their second attempt; preparing and merging are
    // retried within their own activities, which are not attempts.
    CompletedRun.check(
        r,
        resumed,
        Map.of("in-setup", 1, "in-agent", 2, "stuck-agent", 2, "in-check", 2, "in-merge", 1));

    // The stuck agent and its children, orphans since the kill, were killed before attempt 2.
    for (long pid : orphans) {
      assertFalse(Processes.running(pid), "the stuck agent's process " + pid + " still runs");
    }
    assertTrue(
        Files.readString(stuckLog.resolveSibling("2-fast.log")).contains("scripted-agent: done"));
    // The phases the kill interrupted ran again; the merge's checks, not recorded as passed, too.
    assertEquals(2, r.runs("setup-in-setup"));
    assertEquals(2, r.runs("check-in-check"));
    // The held merge step ran again, its result never recorded as checked, and so did the final
    // verification; the other tasks merge in batches, so their number of steps is not fixed.
    assertTrue(
        r.runs("check-integration") >= mergeChecksBefore + 2,
        "the merge checks ran again: "
            + mergeChecksBefore
            + " then "
            + r.runs("check-integration"));
  }

  private static List<Long> children(Path log) throws Exception {
    List<Long> pids = new ArrayList<>();
    Matcher m = CHILD.matcher(Files.readString(log));
    while (m.find()) {
      pids.add(Long.parseLong(m.group(1)));
    }
    assertEquals(2, pids.size(), Files.readString(log));
    return pids;
  }

  private String runIdFromLogs() throws Exception {
    try (var runs = Files.list(r.repo.resolve(".parallel/logs"))) {
      List<Path> dirs = runs.filter(Files::isDirectory).toList();
      assertEquals(1, dirs.size(), dirs.toString());
      return dirs.get(0).getFileName().toString();
    }
  }
}
