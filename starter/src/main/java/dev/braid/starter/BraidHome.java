package dev.braid.starter;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where braid is installed: the folder with the {@code braid} launcher, the scripted agent and the
 * Temporal CLI. The launcher passes it as {@code -Dbraid.home}.
 */
public final class BraidHome {
  private BraidHome() {}

  /** The braid home, from {@code braid.home} or {@code BRAID_HOME}. */
  public static Path locate() {
    String value = System.getProperty("braid.home");
    if (value == null || value.isBlank()) {
      value = System.getenv("BRAID_HOME");
    }
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "braid.home is not set; run braid through its ./braid launcher");
    }
    Path home = Path.of(value).toAbsolutePath().normalize();
    if (!Files.isDirectory(home)) {
      throw new IllegalStateException("braid.home is not a directory: " + home);
    }
    return home;
  }
}
