package dev.braid.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes and ends server processes that may not be children of this JVM: a server started by an
 * earlier braid process is found again only by its pid.
 */
final class ServerProcesses {
  private static final Logger log = LoggerFactory.getLogger(ServerProcesses.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(2);
  // After SIGKILL the kernel ends the process at once; this only bounds waiting for /proc to say
  // so.
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  /**
   * Made on first use: only starting a server asks its Web UI, and building a client (its TLS
   * context included) is a good part of a quick command such as {@code braid status}.
   */
  private static final class Http {
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
  }

  private ServerProcesses() {}

  /**
   * The recorded server's process, if it is alive and is a Temporal CLI. The name check guards
   * against a pid that the kernel has since handed to another program.
   */
  static Optional<ProcessHandle> live(ServerState state) {
    return ProcessHandle.of(state.pid())
        .filter(ProcessHandle::isAlive)
        .filter(ServerProcesses::looksLikeTemporal);
  }

  /**
   * Every live {@code temporal server start-dev} serving the SQLite file, recorded or not, read
   * back from its command line. A braid killed between spawning a server and writing {@code
   * server.json} leaves such a server that no record names; it must be found by its database, or
   * the next braid would start a second server on the same file.
   */
  static List<ServerState> servingDatabase(Path db) {
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .flatMap(process -> ServerCommandLine.parse(process, db).stream())
        .toList();
  }

  private static boolean looksLikeTemporal(ProcessHandle handle) {
    ProcessHandle.Info info = handle.info();
    if (info.command().isEmpty() && info.commandLine().isEmpty()) {
      // The kernel may hide another user's process details; then only the pid is known.
      return true;
    }
    boolean named =
        info.command()
            .map(command -> Path.of(command).getFileName().toString().contains("temporal"))
            .orElse(false);
    // A binary given through BRAID_TEMPORAL_CLI may have any name, but not any arguments.
    boolean startDev = info.commandLine().map(line -> line.contains("start-dev")).orElse(false);
    return named || startDev;
  }

  /**
   * Waits until the server accepts gRPC connections and its Web UI answers HTTP, or until the
   * deadline or the process's death.
   *
   * @return whether it is ready
   */
  static boolean awaitReady(ProcessHandle process, ServerState state, Instant deadline) {
    while (process.isAlive()) {
      if (Ports.accepts(state.port()) && answersHttp(state.uiPort())) {
        return true;
      }
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      sleep(POLL);
    }
    return false;
  }

  /** Whether an HTTP server answers on the loopback port, with any status. */
  static boolean answersHttp(int port) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + DevServer.HOST + ":" + port + "/"))
            .timeout(HTTP_TIMEOUT)
            .build();
    try {
      Http.CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevServerException("interrupted while waiting for the dev server", e);
    }
  }

  /**
   * Ends the process: SIGTERM, so the server closes its SQLite file cleanly, then SIGKILL after the
   * grace period.
   *
   * @throws DevServerException when the process is still alive after SIGKILL
   */
  static void terminate(ProcessHandle process, Duration grace) {
    process.destroy();
    if (awaitExit(process, grace)) {
      return;
    }
    log.warn("Temporal dev server {} ignored SIGTERM for {}; killing it", process.pid(), grace);
    process.destroyForcibly();
    if (!awaitExit(process, KILL_WAIT)) {
      throw new DevServerException(
          "the Temporal dev server (pid " + process.pid() + ") is still alive after SIGKILL");
    }
  }

  private static boolean awaitExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return !process.isAlive();
    } catch (ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevServerException("interrupted while stopping the dev server", e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevServerException("interrupted while waiting for the dev server", e);
    }
  }
}
