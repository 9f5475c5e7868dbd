package dev.braid.activities.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateDirectoryTest {
  @TempDir Path repo;

  @Test
  void logsAreTheOwnersOnlyAndAnOpenFolderIsNarrowed() throws Exception {
    Files.createDirectories(repo.resolve(".parallel/logs"));
    Files.setPosixFilePermissions(
        repo.resolve(".parallel/logs"), PosixFilePermissions.fromString("rwxr-xr-x"));

    Path logs = PrivateDirectory.logs(repo);

    assertEquals(repo.resolve(".parallel/logs"), logs);
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(logs)));
  }
}
