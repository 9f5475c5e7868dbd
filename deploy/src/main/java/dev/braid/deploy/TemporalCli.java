package dev.braid.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Temporal CLI binary, installing the pinned version into braid's own folder when it is
 * missing. braid never uses a {@code temporal} from {@code PATH}: the dev server's behaviour must
 * not depend on whatever version a machine happens to have.
 */
public final class TemporalCli {
  /** An explicit binary; when set, it is used as is and nothing is installed. */
  public static final String ENV_CLI = "BRAID_TEMPORAL_CLI";

  /** braid's home (the checkout or install folder), when the system property is not set. */
  public static final String ENV_HOME = "BRAID_HOME";

  /** braid's home as a system property; the launcher sets it. */
  public static final String PROP_HOME = "braid.home";

  /** Where the install script puts the binary, relative to braid's home. */
  public static final Path BINARY = Path.of(".tools", "temporal", "bin", "temporal");

  /** The install script, relative to braid's home. */
  public static final Path INSTALL_SCRIPT = Path.of("deploy", "scripts", "install-temporal.sh");

  private static final Logger log = LoggerFactory.getLogger(TemporalCli.class);
  private static final int OUTPUT_TAIL_LINES = 15;

  private final Optional<Path> override;
  private final Optional<Path> braidHome;

  /**
   * @param override an explicit binary, used as is
   * @param braidHome braid's home, where the binary is installed when there is no override
   */
  public TemporalCli(Optional<Path> override, Optional<Path> braidHome) {
    this.override = override;
    this.braidHome = braidHome.map(p -> p.toAbsolutePath().normalize());
  }

  /** Reads {@value #ENV_CLI}, then {@value #PROP_HOME} or {@value #ENV_HOME}. */
  public static TemporalCli fromEnvironment() {
    return new TemporalCli(
        nonBlank(System.getenv(ENV_CLI)).map(Path::of),
        nonBlank(System.getProperty(PROP_HOME))
            .or(() -> nonBlank(System.getenv(ENV_HOME)))
            .map(Path::of));
  }

  /**
   * The binary to run. When braid's copy is missing this runs the install script, which may take a
   * while (a download, or a build from source), and then looks again.
   *
   * @throws TemporalCliException when there is no binary and it cannot be installed
   */
  public Path locate() {
    if (override.isPresent()) {
      Path bin = override.get();
      if (!Files.isExecutable(bin)) {
        throw new TemporalCliException(
            ENV_CLI + " is set to " + bin + ", but that is not an executable file");
      }
      return bin;
    }
    Path home =
        braidHome.orElseThrow(
            () ->
                new TemporalCliException(
                    "cannot find the Temporal CLI: set the system property "
                        + PROP_HOME
                        + " or the environment variable "
                        + ENV_HOME
                        + " to braid's folder, or "
                        + ENV_CLI
                        + " to a temporal binary"));
    Path bin = home.resolve(BINARY);
    if (Files.isExecutable(bin)) {
      return bin;
    }
    install(home);
    if (!Files.isExecutable(bin)) {
      throw new TemporalCliException(
          "the install script " + home.resolve(INSTALL_SCRIPT) + " succeeded but left no " + bin);
    }
    return bin;
  }

  private static void install(Path home) {
    Path script = home.resolve(INSTALL_SCRIPT);
    if (!Files.isRegularFile(script)) {
      throw new TemporalCliException(
          "the Temporal CLI is not installed at "
              + home.resolve(BINARY)
              + " and the install script "
              + script
              + " does not exist; is "
              + home
              + " braid's folder?");
    }
    log.info("Installing the Temporal CLI with {}", script);
    String output;
    int exit;
    try {
      Process process =
          new ProcessBuilder(List.of("bash", script.toString()))
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      exit = process.waitFor();
    } catch (IOException e) {
      throw new TemporalCliException("cannot run the install script " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TemporalCliException("interrupted while installing the Temporal CLI", e);
    }
    if (exit != 0) {
      throw new TemporalCliException(
          "installing the Temporal CLI failed ("
              + script
              + " exited "
              + exit
              + "):\n"
              + tail(output));
    }
    if (!output.isBlank()) {
      log.info("{}", output.strip());
    }
  }

  private static String tail(String output) {
    List<String> lines = output.strip().lines().toList();
    return String.join(
        "\n", lines.subList(Math.max(0, lines.size() - OUTPUT_TAIL_LINES), lines.size()));
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }
}
