package dev.braid.deploy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's Temporal: a {@code temporal server start-dev} whose state lives in one
 * folder (normally {@code .parallel/temporal/}), started by the first braid process that needs it
 * and reused by every later one.
 *
 * <p>The server outlives the JVM that starts it, so a run survives the shell that began it; it is
 * started in its own session ({@code setsid}) so the terminal's Ctrl-C, which only detaches braid,
 * does not reach it. Its state is a SQLite file that every restart reopens, so runs survive a
 * stopped server too. A lock file keeps two braid processes starting at once from starting two
 * servers on one file.
 */
public final class DevServer {
  /** The only address the server binds: it has no authentication, so it must not be reachable. */
  public static final String HOST = "127.0.0.1";

  /** The custom search attributes braid's workflows set, with their Temporal types. */
  public static final Map<String, String> SEARCH_ATTRIBUTES =
      Map.of(
          "BraidPlan", "Keyword",
          "BraidState", "Keyword",
          "BraidTasksDone", "Int",
          "BraidTasksBlocked", "Int",
          "BraidTaskState", "Keyword");

  /** The SQLite file inside the state folder. */
  public static final String DB_FILE = "temporal.db";

  /** The server's stdout and stderr, appended to across restarts. */
  public static final String LOG_FILE = "server.log";

  /** Held while a braid process inspects, starts or stops the folder's server. */
  public static final String LOCK_FILE = "server.lock";

  private static final Logger log = LoggerFactory.getLogger(DevServer.class);

  // A fresh server is up in about a second; 30 s leaves room for a slow disk or a big database.
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  // SIGTERM lets the server close SQLite cleanly, which takes well under a second when idle.
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  // A port found free can be taken before the server binds it; a new pair of ports then helps.
  private static final int START_ATTEMPTS = 3;
  private static final int LOG_TAIL_LINES = 20;
  private static final long LOG_ROTATE_BYTES = 10L * 1024 * 1024;
  // FileChannel locks are held per process; threads of one JVM are kept apart by this monitor.
  private static final Object IN_PROCESS_LOCK = new Object();

  private final TemporalCli cli;

  /**
   * @param cli where the {@code temporal} binary comes from; located only when a start needs it
   */
  public DevServer(TemporalCli cli) {
    this.cli = cli;
  }

  /**
   * Returns the folder's running server, starting one if there is none.
   *
   * <p>A recorded server is reused when its process is alive and answers; one that is alive but
   * does not answer within the ready timeout is killed and replaced. A live server on the folder's
   * database that the record does not name is adopted the same way, and any further one stopped. A
   * new server opens the same SQLite file and prefers the recorded ports, so clients and bookmarks
   * keep working.
   *
   * @throws DevServerException when no server can be brought up; the message quotes its log
   */
  public DevServerInfo ensureRunning(Path stateDir) {
    Path dir = StateFolder.prepare(stateDir);
    return locked(
        dir,
        () -> {
          Optional<ServerState> recorded = ServerState.read(dir);
          Optional<ServerState> live = adoptOrStopUnrecorded(dir, recorded);
          Optional<ProcessHandle> process = live.flatMap(ServerProcesses::live);
          if (process.isPresent()) {
            ServerState state = live.get();
            if (ServerProcesses.awaitReady(
                process.get(), state, Instant.now().plus(READY_TIMEOUT))) {
              log.info("Reusing Temporal dev server {} at {}", state.pid(), state.info().address());
              return state.info();
            }
            log.warn(
                "Temporal dev server {} is alive but not answering on port {}; replacing it",
                state.pid(),
                state.port());
            ServerProcesses.terminate(process.get(), STOP_GRACE);
          }
          return start(dir, live.or(() -> recorded));
        });
  }

  /**
   * Stops the folder's server, if one is running, and any other server on its database. {@code
   * server.json} stays, so the next start prefers the same ports.
   *
   * @return whether a server was running
   */
  public boolean stop(Path stateDir) {
    Path dir = StateFolder.prepare(stateDir);
    return locked(
        dir,
        () -> {
          List<ProcessHandle> servers = new ArrayList<>();
          ServerState.read(dir).flatMap(ServerProcesses::live).ifPresent(servers::add);
          for (ServerState other : ServerProcesses.servingDatabase(dir.resolve(DB_FILE))) {
            if (servers.stream().noneMatch(p -> p.pid() == other.pid())) {
              ProcessHandle.of(other.pid()).ifPresent(servers::add);
            }
          }
          servers.forEach(
              p -> {
                log.info("Stopping Temporal dev server {}", p.pid());
                ServerProcesses.terminate(p, STOP_GRACE);
              });
          return !servers.isEmpty();
        });
  }

  /**
   * The server to reuse: the recorded one if it lives, else a live server on the database that no
   * record names, which is then recorded. Any other server on the database is stopped: two servers
   * on one SQLite file both write to it, and one of them would never be stopped.
   *
   * <p>An unrecorded server is left by a braid killed between spawning it and writing {@code
   * server.json}; it holds the runs' state like any other, so adopting it loses nothing.
   */
  private static Optional<ServerState> adoptOrStopUnrecorded(
      Path dir, Optional<ServerState> recorded) {
    Optional<ServerState> live = recorded.filter(state -> ServerProcesses.live(state).isPresent());
    long livePid = live.map(ServerState::pid).orElse(-1L);
    List<ServerState> others =
        ServerProcesses.servingDatabase(dir.resolve(DB_FILE)).stream()
            .filter(other -> other.pid() != livePid)
            .toList();
    if (live.isEmpty() && !others.isEmpty()) {
      ServerState adopted = others.get(0);
      log.warn(
          "Found Temporal dev server {} on {} that server.json does not name (a braid process"
              + " was stopped while starting it); reusing it",
          adopted.pid(),
          adopted.dbFile());
      adopted.write(dir);
      live = Optional.of(adopted);
      others = others.subList(1, others.size());
    }
    for (ServerState other : others) {
      log.warn(
          "Stopping Temporal dev server {}: a second server on {}", other.pid(), other.dbFile());
      ProcessHandle.of(other.pid()).ifPresent(p -> ServerProcesses.terminate(p, STOP_GRACE));
    }
    return live;
  }

  /** The folder's server, if its process is alive and accepts connections. Starts nothing. */
  public Optional<DevServerInfo> status(Path stateDir) {
    return ServerState.read(stateDir.toAbsolutePath().normalize())
        .filter(state -> ServerProcesses.live(state).isPresent())
        .filter(state -> Ports.accepts(state.port()))
        .map(ServerState::info);
  }

  private DevServerInfo start(Path dir, Optional<ServerState> recorded) {
    Path bin = cli.locate();
    Path db = dir.resolve(DB_FILE);
    Path logFile = dir.resolve(LOG_FILE);
    ServerLog.rotate(logFile, LOG_ROTATE_BYTES);
    String failure = "";
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      boolean preferRecorded = attempt == 1 && recorded.isPresent();
      int port = preferRecorded ? Ports.preferred(recorded.get().port(), -1) : Ports.free(-1);
      int uiPort =
          preferRecorded ? Ports.preferred(recorded.get().uiPort(), port) : Ports.free(port);
      long logOffset = ServerLog.size(logFile);
      List<String> argv = argv(bin, db, port, uiPort);
      ServerLog.append(
          logFile, "--- braid: " + Instant.now() + " starting " + String.join(" ", argv));
      Process process = spawn(argv, dir, logFile);
      ServerState state =
          new ServerState(process.pid(), port, uiPort, db.toString(), Instant.now().toString());
      // Recorded before it is ready: a braid process that comes next must find it, not start a
      // second server on the same SQLite file.
      state.write(dir);
      if (ServerProcesses.awaitReady(
          process.toHandle(), state, Instant.now().plus(READY_TIMEOUT))) {
        DevServerInfo info = state.info();
        log.info(
            "Started Temporal dev server {} at {} (Web UI {}, state {})",
            info.pid(),
            info.address(),
            info.uiUrl(),
            db);
        return info;
      }
      boolean exited = !process.isAlive();
      if (!exited) {
        ServerProcesses.terminate(process.toHandle(), STOP_GRACE);
      }
      String tail = ServerLog.tail(logFile, logOffset, LOG_TAIL_LINES);
      failure =
          (exited
                  ? "the Temporal dev server exited with code " + process.exitValue()
                  : "the Temporal dev server did not answer on port "
                      + port
                      + " within "
                      + READY_TIMEOUT.toSeconds()
                      + " s")
              + "; the end of "
              + logFile
              + ":\n"
              + tail;
      if (!tail.contains("address already in use")) {
        break;
      }
      log.warn("Temporal dev server could not bind its ports; trying other ports");
    }
    throw new DevServerException(failure);
  }

  private static List<String> argv(Path bin, Path db, int port, int uiPort) {
    List<String> argv = new ArrayList<>();
    setsid().ifPresent(argv::add);
    argv.addAll(
        List.of(
            bin.toString(),
            "server",
            "start-dev",
            "--db-filename",
            db.toString(),
            "--ip",
            HOST,
            "--port",
            Integer.toString(port),
            "--ui-port",
            Integer.toString(uiPort),
            "--log-level",
            "warn"));
    SEARCH_ATTRIBUTES.forEach(
        (name, type) -> argv.addAll(List.of("--search-attribute", name + "=" + type)));
    return argv;
  }

  private static Process spawn(List<String> argv, Path dir, Path logFile) {
    try {
      return new ProcessBuilder(argv)
          .directory(dir.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .redirectErrorStream(true)
          .start();
    } catch (IOException e) {
      throw new DevServerException("cannot start the Temporal dev server: " + argv, e);
    }
  }

  private static Optional<String> setsid() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "setsid");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate.toString());
      }
    }
    log.warn("setsid is not installed (util-linux); the dev server will share braid's terminal");
    return Optional.empty();
  }

  private static <T> T locked(Path dir, Supplier<T> body) {
    synchronized (IN_PROCESS_LOCK) {
      try (FileChannel channel =
          FileChannel.open(
              dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        // Closing the channel releases the lock, also when the body throws.
        channel.lock();
        return body.get();
      } catch (IOException e) {
        throw new DevServerException("cannot lock " + dir.resolve(LOCK_FILE), e);
      }
    }
  }
}
