package dev.braid.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFolderTest {
  @TempDir Path tmp;

  @Test
  void theServersFolderIsTheOwnersOnlyEvenWhenAnOlderBraidMadeItOpen() throws Exception {
    Path fresh = StateFolder.prepare(tmp.resolve("a/.parallel/temporal"));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));

    Path old = Files.createDirectories(tmp.resolve("b/.parallel/temporal"));
    Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x"));
    StateFolder.prepare(old);
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(old)));
  }
}
