package dev.braid.starter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.braid.starter.testsupport.BraidLauncher;
import dev.braid.starter.testsupport.ComposeFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files in {@code deploy/} read by the tools that run them, where this machine has the tool:
 * {@code systemd-analyze verify} for the units, {@code docker compose config} for the compose file.
 * DeployFilesTest checks what they say; this checks that the tools take them as written.
 */
class DeployFilesToolsTest {
  private static final Path SYSTEMD = BraidLauncher.HOME.resolve("deploy/systemd");
  private static final String INSTALLED_LAUNCHER = "/opt/braid/braid";

  @TempDir Path tmp;

  @Test
  void systemdVerifiesEveryUnitWithoutAWarning() throws Exception {
    assumeTrue(
        works("systemd-analyze", "--version"),
        "systemd-analyze is not installed here: the units are not verified by systemd");
    Path launcher = BraidLauncher.HOME.resolve("braid").toAbsolutePath();
    assertTrue(Files.isExecutable(launcher), "no launcher to point ExecStart at: " + launcher);
    List<Path> units;
    try (Stream<Path> files = Files.list(SYSTEMD)) {
      units = files.filter(f -> f.toString().endsWith(".service")).sorted().toList();
    }
    assertEquals(2, units.size(), "units in " + SYSTEMD + ": " + units);
    for (Path unit : units) {
      // systemd refuses an ExecStart that is not executable; /opt/braid is where it is installed,
      // not where this checkout is, so the copy runs this checkout's launcher instead.
      String text = Files.readString(unit);
      assertTrue(text.contains("\nExecStart=" + INSTALLED_LAUNCHER + " "), unit + ": " + text);
      Path copy = tmp.resolve(unit.getFileName());
      Files.writeString(
          copy,
          text.replace("\nExecStart=" + INSTALLED_LAUNCHER + " ", "\nExecStart=" + launcher + " "));
      Outcome verified = run("systemd-analyze", "verify", copy.toString());
      assertEquals(0, verified.exitCode(), unit + ": " + verified.output());
      // Unknown keys and bad values are warnings with exit code 0: none may name the unit.
      assertTrue(
          verified.output().lines().noneMatch(line -> line.contains(copy.getFileName().toString())),
          unit + ": " + verified.output());
    }
  }

  @Test
  void dockerComposeReadsTheComposeFile() throws Exception {
    // `compose config` needs the compose plugin, not a running daemon.
    assumeTrue(
        works("docker", "compose", "version"),
        "docker compose is not installed here: the compose file is not read by docker");
    Outcome config = run("docker", "compose", "-f", ComposeFile.PATH.toString(), "config", "-q");
    assertEquals(0, config.exitCode(), ComposeFile.PATH + ": " + config.output());
  }

  private record Outcome(int exitCode, String output) {}

  private static boolean works(String... command) {
    try {
      return run(command).exitCode() == 0;
    } catch (IOException e) {
      return false; // not installed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Outcome run(String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not end in 60 s: " + output);
    }
    return new Outcome(process.exitValue(), output);
  }
}
