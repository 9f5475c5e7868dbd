package dev.braid.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real Temporal CLI's dev server. The CLI is installed into braid's own folder when it is
 * missing: Maven runs module tests in the module folder, so braid's home is its parent.
 */
class DevServerTest {
  @TempDir Path stateDir;

  private final TemporalCli cli = new TemporalCli(Optional.empty(), Optional.of(braidHome()));
  private final DevServer devServer = new DevServer(cli);

  @AfterEach
  void stopServer() {
    devServer.stop(stateDir);
  }

  @Test
  void startsReusesAndRestartsOnTheSameDatabase() throws Exception {
    DevServerInfo first = devServer.ensureRunning(stateDir);
    int port = Integer.parseInt(first.address().substring(first.address().indexOf(':') + 1));
    assertTrue(Ports.accepts(port), "gRPC port " + port + " accepts connections");
    assertEquals(200, httpStatus(first.uiUrl()), "the Web UI answers");
    assertEquals(stateDir.resolve(DevServer.DB_FILE), first.dbFile());
    assertTrue(Files.isRegularFile(stateDir.resolve(ServerState.FILE_NAME)));
    assertEquals(Optional.of(first), devServer.status(stateDir));

    assertEquals(first, devServer.ensureRunning(stateDir), "a running server is reused");

    String attributes =
        temporal("operator", "search-attribute", "list", "--address", first.address());
    DevServer.SEARCH_ATTRIBUTES
        .keySet()
        .forEach(name -> assertTrue(attributes.contains(name), name + " in:\n" + attributes));
    temporal("operator", "namespace", "create", "--address", first.address(), "-n", "survivor");

    assertTrue(devServer.stop(stateDir));
    assertFalse(ProcessHandle.of(first.pid()).map(ProcessHandle::isAlive).orElse(false));
    assertEquals(Optional.empty(), devServer.status(stateDir));
    assertFalse(devServer.stop(stateDir), "nothing left to stop");

    DevServerInfo second = devServer.ensureRunning(stateDir);
    assertNotEquals(first.pid(), second.pid());
    assertEquals(first.dbFile(), second.dbFile());
    assertEquals(first.address(), second.address(), "the recorded port is preferred");
    String described =
        temporal(
            "operator", "namespace", "describe", "--address", second.address(), "-n", "survivor");
    assertTrue(described.contains("survivor"), "state survived the restart:\n" + described);
  }

  @Test
  void adoptsAServerThatNoRecordNamesInsteadOfStartingASecondOnItsDatabase() throws IOException {
    DevServerInfo first = devServer.ensureRunning(stateDir);
    // What a braid killed between spawning the server and writing server.json leaves behind.
    Files.delete(stateDir.resolve(ServerState.FILE_NAME));

    DevServerInfo again = devServer.ensureRunning(stateDir);
    assertEquals(first.pid(), again.pid(), "the unrecorded server is reused");
    assertEquals(first.address(), again.address());
    assertEquals(
        List.of(first.pid()),
        pids(ServerProcesses.servingDatabase(first.dbFile())),
        "one server on the database");
    assertEquals(
        first.pid(), ServerState.read(stateDir).orElseThrow().pid(), "and it is recorded now");

    Files.delete(stateDir.resolve(ServerState.FILE_NAME));
    assertTrue(devServer.stop(stateDir), "stop finds it without a record");
    assertEquals(List.of(), pids(ServerProcesses.servingDatabase(first.dbFile())));
  }

  @Test
  void runsTheServerInItsOwnSessionSoCtrlCDoesNotReachIt() throws IOException {
    DevServerInfo info = devServer.ensureRunning(stateDir);
    String stat = Files.readString(Path.of("/proc", Long.toString(info.pid()), "stat"));
    // Fields after the command's closing parenthesis: state, ppid, pgrp, session.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    assertEquals(Long.toString(info.pid()), fields[3], "the server leads its own session");
    assertEquals(Long.toString(info.pid()), fields[2], "and its own process group");
  }

  @Test
  void concurrentCallersShareOneServer() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<DevServerInfo>> calls = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        calls.add(pool.submit(() -> new DevServer(cli).ensureRunning(stateDir)));
      }
      assertEquals(calls.get(0).get(60, TimeUnit.SECONDS), calls.get(1).get(60, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void quotesTheServerLogWhenItCannotStart() throws IOException {
    Path fake = stateDir.resolve("fake-temporal");
    Files.writeString(fake, "#!/bin/sh\necho 'FATAL: database is locked' >&2\nexit 3\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    DevServer broken = new DevServer(new TemporalCli(Optional.of(fake), Optional.empty()));
    DevServerException e =
        assertThrows(DevServerException.class, () -> broken.ensureRunning(stateDir));
    assertTrue(e.getMessage().contains("exited with code 3"), e.getMessage());
    assertTrue(e.getMessage().contains("FATAL: database is locked"), e.getMessage());
  }

  private String temporal(String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of(cli.locate().toString()));
    argv.addAll(List.of(args));
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), String.join(" ", argv) + ":\n" + output);
    return output;
  }

  private static List<Long> pids(List<ServerState> servers) {
    return servers.stream().map(ServerState::pid).toList();
  }

  private static int httpStatus(String url) throws IOException, InterruptedException {
    HttpResponse<Void> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding());
    return response.statusCode();
  }

  private static Path braidHome() {
    String home = System.getProperty(TemporalCli.PROP_HOME);
    return (home != null ? Path.of(home) : Path.of("..")).toAbsolutePath().normalize();
  }
}
