package dev.braid.starter.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of braid just after it spawned the embedded dev server and before it recorded the server
 * in {@code server.json}: the next braid must not start a second server on the same SQLite file,
 * and {@code braid server stop} must leave no server running.
 *
 * <p>Found by {@code bench/soak.sh}: a soak run left a server running after its repository was
 * gone; its log showed a second server started 3.5 s after the first, on the same database, on
 * other ports, and both serving ({@code database is locked (SQLITE_BUSY)} in the log). {@code
 * DevServer.start} spawns the server and only then writes {@code server.json}; a braid killed in
 * between leaves a server nobody knows of, and the next braid, finding no record, starts another on
 * the same file. The first is never stopped.
 *
 * <p>To hit that moment for sure the server binary is a wrapper ({@code BRAID_TEMPORAL_CLI}) that,
 * the first time, stops its parent, the braid JVM, with SIGSTOP before it execs the real {@code
 * temporal}; the test then kills the stopped JVM. If the JVM wrote the record before the wrapper
 * stopped it, the moment was missed and the test is aborted, not passed.
 *
 * <p>Failed before the fix (two servers on the database); now the next braid finds the unrecorded
 * server by its {@code --db-filename} and adopts it.
 */
@Tag("e2e")
class ServerStartKillIT extends FaultTest {

  @Test
  void braidKilledBeforeRecordingItsServerLeavesOneServerPerDatabase() throws Exception {
    r = FaultRepo.in(tmp).tier("fast", 2, "2m").task("only", "").create();
    Path wrapper = tmp.resolve("temporal-wrapper");
    Files.writeString(
        wrapper,
        """
        #!/bin/sh
        if mkdir "%s" 2>/dev/null; then
          kill -STOP "$PPID"
        fi
        exec "%s" "$@"
        """
            .formatted(
                r.marks.resolve("stopped-once"),
                Braid.HOME.resolve(".tools/temporal/bin/temporal")));
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    env.put("BRAID_TEMPORAL_CLI", wrapper.toString());
    Path db = r.repo.resolve(".parallel/temporal/temporal.db");

    Braid.Running first = start("execute", "--json");
    Await.until(
        "the braid JVM stopped by the server wrapper",
        PHASE_TIMEOUT,
        () -> Files.isDirectory(r.marks.resolve("stopped-once")) && stopped(first.pid()));
    assumeFalse(
        Files.exists(r.repo.resolve(".parallel/temporal/server.json")),
        "braid recorded its server before the wrapper stopped it; the moment was missed");
    first.kill9();

    Braid.Result resumed = run(RUN_TIMEOUT, "execute", "--json");
    CompletedRun.check(r, resumed, Map.of());
    assertTrue(
        resumed.err().contains("that server.json does not name"),
        "the unrecorded server was adopted:\n" + resumed);

    List<ProcessHandle> servers = servers(db);
    assertEquals(1, servers.size(), "servers on " + db + ":\n" + Processes.describe(servers));
    Braid.Result stop = run(RUN_TIMEOUT, "server", "stop", "--repo", r.repo.toString());
    assertEquals(0, stop.exitCode(), stop.toString());
    Await.until("no server on " + db, PHASE_TIMEOUT, () -> servers(db).isEmpty());
  }

  private static boolean stopped(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) == 'T';
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static List<ProcessHandle> servers(Path db) {
    return ProcessHandle.allProcesses()
        .filter(p -> Processes.running(p.pid()))
        .filter(p -> p.info().commandLine().orElse("").contains("--db-filename " + db))
        .toList();
  }
}
